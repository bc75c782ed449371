"""Polish, Hungarian, Norwegian, Swedish and Danish: placements, their status, traps, inflected names.

Sentences are composed for these tests from the languages themselves (not copied from any article). Polish and
Hungarian inflect names ("w Rafahu", "Rafahban", "Hán Júniszban", "Indonéziából"), so inflected forms are read;
Norwegian, Swedish and Danish mostly leave place names as they are. Expected values are (nation, sector, role,
status) as the status engine words them: a nation's own office stating a placement confirms it, a hedge never
does, an outlet relaying it reports it, a third party (Israel's minister) never confirms for the nation. One site
between two sectors in these languages is in tests/test_ingest_languages.py with every language's.
"""

from __future__ import annotations

import pytest

from mapview.ingest.extract import extract, extract_all
from mapview.ingest.gazetteer import Gazetteer


def leads(text: str, gaz: Gazetteer) -> set[tuple[str | None, str, str, str]]:
    return {f.label() for f in extract(text, gaz) if f.role == "lead"}


def lead(sector: str, status: str, nation: str = "Indonesia") -> tuple[str, str, str, str]:
    return nation, sector, "lead", status


CASES: list[tuple[str, str, set[tuple[str | None, str, str, str]]]] = [
    # Polish
    ("pl", "Rzecznik indonezyjskiego ministerstwa obrony powiedział, że indonezyjscy żołnierze będą stacjonować w "
           "Rafah.", {lead("rafah", "confirmed")}),
    ("pl", "Indonezyjscy żołnierze mają zostać rozmieszczeni w Chan Junus.", {lead("khan-yunis", "speculative")}),
    ("pl", "Indonezyjscy żołnierze prawdopodobnie będą stacjonować w północnej Strefie Gazy.",
     {lead("north-gaza", "speculative")}),
    ("pl", "Rzecznik indonezyjskiego ministerstwa obrony powiedział, że indonezyjscy żołnierze mogą stacjonować w "
           "Rafah.", {lead("rafah", "speculative")}),
    ("pl", "Według izraelskiego nadawcy publicznego Kan indonezyjscy żołnierze będą stacjonować w Rafah.",
     {lead("rafah", "reported")}),
    ("pl", "Izraelski minister obrony powiedział, że indonezyjscy żołnierze będą stacjonować w Rafah.",
     {lead("rafah", "reported")}),
    ("pl", "Indonezyjskie ministerstwo obrony zaprzeczyło, że indonezyjscy żołnierze będą stacjonować w Rafah.",
     {lead("rafah", "denied")}),
    ("pl", "Indonezja nie wyśle żołnierzy do Rafah.", {lead("rafah", "denied")}),
    ("pl", "Rozmieszczenie indonezyjskich żołnierzy w Chan Junus już się rozpoczęło.",
     {lead("khan-yunis", "reported")}),
    ("pl", "Indonezja wyśle tysiące żołnierzy. Ci żołnierze będą stacjonować w Rafahu.", {lead("rafah", "reported")}),
    ("pl", "Indonezyjski kontyngent zostanie rozmieszczony w Chan Junusie.", {lead("khan-yunis", "reported")}),
    ("pl", "Maroko będzie odpowiedzialne za Chan Junus.", {lead("khan-yunis", "reported", "Morocco")}),
    ("pl", "Żołnierze z Kazachstanu będą stacjonować w mieście Gaza.", {lead("gaza-city", "reported", "Kazakhstan")}),
    ("pl", "Indonezyjscy żołnierze będą stacjonować w Chan Junus, nie w Rafah.", {lead("khan-yunis", "reported")}),
    # ", a" opens a clause of its own: the Albanians' sector is not Kosovo's
    ("pl", "Kosowscy żołnierze zostaną rozmieszczeni w północnej części Strefy Gazy, a albańscy w Dajr al-Balah.",
     {lead("north-gaza", "reported", "Kosovo")}),
    # Hungarian: endings on names ("Rafahban", "Hán Júniszba", "Gázavárosba"); "-hat/-het" (may) is a hedge
    ("hu", "Az indonéz védelmi minisztérium szóvivője közölte, hogy az indonéz katonák Rafahban fognak állomásozni.",
     {lead("rafah", "confirmed")}),
    ("hu", "Az indonéz katonák várhatóan Hán Júniszban állomásoznak majd.", {lead("khan-yunis", "speculative")}),
    ("hu", "Az indonéz csapatok Észak-Gázában állomásozhatnak.", {lead("north-gaza", "speculative")}),
    ("hu", "A Kan izraeli közszolgálati műsorszolgáltató szerint az indonéz katonák Rafahban állomásoznak majd.",
     {lead("rafah", "reported")}),
    ("hu", "Az izraeli védelmi miniszter azt mondta, hogy az indonéz katonák Rafahban fognak állomásozni.",
     {lead("rafah", "reported")}),
    ("hu", "Az indonéz védelmi minisztérium cáfolta, hogy az indonéz katonák Rafahban állomásoznának.",
     {lead("rafah", "denied")}),
    ("hu", "Indonézia nem küld katonákat Rafahba.", {lead("rafah", "denied")}),
    ("hu", "Az indonéz katonák telepítése Hán Júniszba már megkezdődött.", {lead("khan-yunis", "reported")}),
    ("hu", "Indonézia több ezer katonát küld. A katonák Rafahban állomásoznak majd.", {lead("rafah", "reported")}),
    ("hu", "Marokkó lesz felelős Hán Júniszért.", {lead("khan-yunis", "reported", "Morocco")}),
    ("hu", "Az indonéz katonák Hán Júniszban állomásoznak majd, nem Rafahban.", {lead("khan-yunis", "reported")}),
    ("hu", "Kazah katonákat telepítenek Gázavárosba.", {lead("gaza-city", "reported", "Kazakhstan")}),
    # Norwegian: "kan" (may) hedges, "Kan" is the broadcaster; "soldatene" (the soldiers) points back
    ("no", "En talsperson for det indonesiske forsvarsdepartementet sa at indonesiske soldater skal stasjoneres i "
           "Rafah.", {lead("rafah", "confirmed")}),
    ("no", "Indonesiske soldater ventes å bli utplassert i Khan Younis.", {lead("khan-yunis", "speculative")}),
    ("no", "Indonesiske tropper kan bli stasjonert i Nord-Gaza.", {lead("north-gaza", "speculative")}),
    ("no", "Ifølge den israelske allmennkringkasteren Kan skal indonesiske soldater stasjoneres i Rafah.",
     {lead("rafah", "reported")}),
    ("no", "Israels forsvarsminister sa at indonesiske soldater skal stasjoneres i Rafah.",
     {lead("rafah", "reported")}),
    ("no", "Det indonesiske forsvarsdepartementet avkreftet at indonesiske soldater skal stasjoneres i Rafah.",
     {lead("rafah", "denied")}),
    ("no", "Indonesia vil ikke sende soldater til Rafah.", {lead("rafah", "denied")}),
    ("no", "Utplasseringen av indonesiske soldater i Khan Younis har startet.", {lead("khan-yunis", "reported")}),
    ("no", "Indonesia vil sende tusenvis av soldater. Soldatene skal stasjoneres i Rafah.",
     {lead("rafah", "reported")}),
    ("no", "Marokko får ansvaret for Khan Younis.", {lead("khan-yunis", "reported", "Morocco")}),
    ("no", "Indonesiske soldater skal stasjoneres i Khan Younis, ikke i Rafah.", {lead("khan-yunis", "reported")}),
    ("no", "Kasakhiske soldater skal stasjoneres i Gaza-byen.", {lead("gaza-city", "reported", "Kazakhstan")}),
    # Swedish: "kan" and "skulle" (would: a reported plan) hedge; "soldaterna" (the soldiers) points back
    ("sv", "En talesperson för det indonesiska försvarsdepartementet sade att indonesiska soldater ska stationeras i "
           "Rafah.", {lead("rafah", "confirmed")}),
    ("sv", "Indonesiska soldater väntas placeras i Khan Younis.", {lead("khan-yunis", "speculative")}),
    ("sv", "Indonesiska trupper kan komma att stationeras i norra Gaza.", {lead("north-gaza", "speculative")}),
    ("sv", "Indonesiska soldater skulle stationeras i Rafah.", {lead("rafah", "speculative")}),
    ("sv", "Enligt det israeliska public service-bolaget Kan ska indonesiska soldater stationeras i Rafah.",
     {lead("rafah", "reported")}),
    ("sv", "Israels försvarsminister sade att indonesiska soldater ska stationeras i Rafah.",
     {lead("rafah", "reported")}),
    ("sv", "Det indonesiska försvarsdepartementet förnekade att indonesiska soldater ska stationeras i Rafah.",
     {lead("rafah", "denied")}),
    ("sv", "Indonesien kommer inte att skicka soldater till Rafah.", {lead("rafah", "denied")}),
    ("sv", "Utplaceringen av indonesiska soldater i Khan Younis har inletts.", {lead("khan-yunis", "reported")}),
    ("sv", "Indonesien kommer att skicka tusentals soldater. Soldaterna ska stationeras i Rafah.",
     {lead("rafah", "reported")}),
    ("sv", "Marocko får ansvaret för Khan Younis.", {lead("khan-yunis", "reported", "Morocco")}),
    ("sv", "Indonesiska soldater ska stationeras i Khan Younis, inte i Rafah.", {lead("khan-yunis", "reported")}),
    ("sv", "Kazakiska soldater ska stationeras i Gazastaden.", {lead("gaza-city", "reported", "Kazakhstan")}),
    # Danish
    ("da", "En talsperson for det indonesiske forsvarsministerium sagde, at indonesiske soldater skal stationeres i "
           "Rafah.", {lead("rafah", "confirmed")}),
    ("da", "Indonesiske soldater forventes at blive udstationeret i Khan Younis.", {lead("khan-yunis", "speculative")}),
    ("da", "Indonesiske tropper kan blive stationeret i det nordlige Gaza.", {lead("north-gaza", "speculative")}),
    ("da", "Ifølge den israelske public service-kanal Kan skal indonesiske soldater stationeres i Rafah.",
     {lead("rafah", "reported")}),
    ("da", "Israels forsvarsminister sagde, at indonesiske soldater skal stationeres i Rafah.",
     {lead("rafah", "reported")}),
    ("da", "Det indonesiske forsvarsministerium afkræftede, at indonesiske soldater skal stationeres i Rafah.",
     {lead("rafah", "denied")}),
    ("da", "Indonesien vil ikke sende soldater til Rafah.", {lead("rafah", "denied")}),
    ("da", "Udstationeringen af indonesiske soldater i Khan Younis er begyndt.", {lead("khan-yunis", "reported")}),
    ("da", "Indonesien vil sende tusindvis af soldater. Soldaterne skal stationeres i Rafah.",
     {lead("rafah", "reported")}),
    ("da", "Marokko får ansvaret for Khan Younis.", {lead("khan-yunis", "reported", "Morocco")}),
    ("da", "Indonesiske soldater skal stationeres i Khan Younis, ikke i Rafah.", {lead("khan-yunis", "reported")}),
    ("da", "Kasakhiske soldater skal stationeres i Gaza-byen.", {lead("gaza-city", "reported", "Kazakhstan")}),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_placements_and_their_status(gaz: Gazetteer, lang: str, text: str, expected: set) -> None:
    assert leads(text, gaz) == expected, lang


@pytest.mark.parametrize("text", [
    # Israel's own army in Rafah: a party, never a contributor
    "Izraelska armia nadal stacjonuje w Rafah.",
    # the Indonesian Hospital: a facility, not a contingent
    "Indonezyjski szpital w północnej Strefie Gazy został ostrzelany, a w pobliżu rozmieszczono żołnierzy.",
    # citizens evacuated through the Rafah crossing
    "Obywatele Indonezji zostali ewakuowani przez przejście graniczne Rafah.",
    # the force's first phase in Rafah, with a list of contributors and no sector of their own
    "ISF najpierw zostaną rozmieszczone w Rafah; żołnierzy wyślą Indonezja, Maroko i Albania.",
    # an outlet named after its country
    "Indonezyjska agencja Antara informowała o rozmieszczeniu wojsk w Rafah.",
    # Egypt's side of Rafah
    "Egipska armia wzmocniła siły po egipskiej stronie Rafah.",
    "Egipskie wojsko stacjonuje w egipskiej części Rafah.",
    # a nation named, no placement
    "Prezydent Indonezji rozmawiał w Kairze o sytuacji w Rafah.",
    "Indonezja wyśle żołnierzy do Strefy Gazy, a Izrael nadal kontroluje Rafah.",
    "Az izraeli hadsereg továbbra is Rafahban állomásozik.",
    "Az indonéz kórházat Észak-Gázában támadás érte, a közelben katonákat telepítettek.",
    "Indonéz állampolgárokat evakuáltak a rafahi határátkelőn keresztül.",
    "Az ISF először Rafahban települ, katonákat Indonézia, Marokkó és Albánia küld.",
    "Az indonéz Antara hírügynökség beszámolt a rafahi csapattelepítésről.",
    "Az egyiptomi hadsereg megerősítette erőit Rafah egyiptomi oldalán.",
    "Indonézia elnöke Kairóban tárgyalt a rafahi helyzetről.",
    "Az izraeli légierő újabb csapásokat mért Rafahra, az egyiptomi határ közelében.",
    "Den israelske hæren er fortsatt stasjonert i Rafah.",
    "Det indonesiske sykehuset i Nord-Gaza ble truffet, og soldater ble utplassert i nærheten.",
    "Indonesiske borgere ble evakuert gjennom grenseovergangen i Rafah.",
    "ISF skal først settes inn i Rafah; Indonesia, Marokko og Albania sender soldater.",
    "Det indonesiske nyhetsbyrået Antara meldte om utplasseringen av soldater i Rafah.",
    "Den egyptiske hæren forsterket styrkene på den egyptiske siden av Rafah.",
    "Indonesias president snakket om situasjonen i Rafah under et besøk i Kairo.",
    "Den israeliska armén är fortfarande stationerad i Rafah.",
    "Det indonesiska sjukhuset i norra Gaza träffades, och soldater placerades i närheten.",
    "Indonesiska medborgare evakuerades genom gränsövergången i Rafah.",
    "ISF ska först sättas in i Rafah; Indonesien, Marocko och Albanien skickar soldater.",
    "Den indonesiska nyhetsbyrån Antara rapporterade om utplaceringen av soldater i Rafah.",
    "Den egyptiska armén förstärkte styrkorna på den egyptiska sidan av Rafah.",
    "Indonesiens president talade om läget i Rafah under ett besök i Kairo.",
    "Den israelske hær er fortsat stationeret i Rafah.",
    "Tre israelske soldater blev såret i Rafah i går.",
    "Det indonesiske hospital i det nordlige Gaza blev ramt, og soldater blev udstationeret i nærheden.",
    "Indonesiske borgere blev evakueret gennem grænseovergangen i Rafah.",
    "ISF skal først sættes ind i Rafah; Indonesien, Marokko og Albanien sender soldater.",
    "Det indonesiske nyhedsbureau Antara rapporterede om udstationeringen af soldater i Rafah.",
    "Den egyptiske hær forstærkede styrkerne på den egyptiske side af Rafah.",
    "Indonesiens præsident talte om situationen i Rafah under et besøg i Kairo.",
])
def test_traps_give_no_lead(gaz: Gazetteer, text: str) -> None:
    assert not [f for f in extract(text, gaz) if f.role == "lead" and f.nation is not None], text


POLISH = ("Rząd Indonezji przygotowuje wysłanie żołnierzy do Strefy Gazy. Rzecznik ministerstwa obrony powiedział, że "
          "oddziały wkrótce wyruszą i będą również pomagać przy odbudowie oraz w opiece medycznej nad mieszkańcami.")


HUNGARIAN = ("Az indonéz kormány katonák küldésére készül a Gázai övezetbe. A védelmi minisztérium szóvivője azt "
             "mondta, hogy az egységek hamarosan elindulnak, és az újjáépítésben, valamint az egészségügyi ellátásban "
             "is segíteni fognak.")


NORWEGIAN = ("Den indonesiske regjeringen forbereder å sende soldater til Gazastripen. En talsperson for "
             "departementet sier at enhetene snart skal reise, og at de også skal hjelpe til med gjenoppbyggingen og "
             "den medisinske behandlingen av befolkningen.")


SWEDISH = ("Den indonesiska regeringen förbereder att skicka soldater till Gazaremsan. En talesperson för "
           "departementet säger att förbanden snart ska resa och att de också ska hjälpa till med återuppbyggnaden "
           "och sjukvården för befolkningen.")
DANISH = ("Den indonesiske regering forbereder at sende soldater til Gazastriben. En talsperson for ministeriet "
          "siger, at enhederne snart skal rejse, og at de også skal hjælpe med genopbygningen og den medicinske "
          "behandling af befolkningen.")


@pytest.mark.parametrize(("text", "code"), [(POLISH, "pl"), (HUNGARIAN, "hu"), (NORWEGIAN, "no"), (SWEDISH, "sv"),
                                            (DANISH, "da")])
def test_the_language_is_told_and_read(gaz: Gazetteer, text: str, code: str) -> None:
    language = extract_all(text, gaz).language
    assert (language.code, language.read) == (code, True)


def test_a_word_of_another_language_does_not_cut_a_norwegian_article(gaz: Gazetteer) -> None:
    # "sender" (sends) is German for a broadcaster: in a text too short to tell its language every file's words
    # are read and "Indonesia sender" is taken for an outlet; once the article is told Norwegian, it sends troops
    text = NORWEGIAN + " Indonesia sender tusenvis av soldater. Soldatene skal stasjoneres i Rafah."
    assert extract_all(text, gaz).language.code == "no"
    assert leads(text, gaz) == {lead("rafah", "reported")}


def test_inflected_names_are_read(gaz: Gazetteer) -> None:
    hungarian = "Rafahban, Rafahtól, Hán Júniszba, Hán Júnisztól, Gázavárosban, Észak-Gázából, Deir el-Balahban"
    assert [m.key for m in gaz.find_sectors(hungarian)] == [
        "rafah", "rafah", "khan-yunis", "khan-yunis", "gaza-city", "north-gaza", "deir-al-balah"]
    polish = "w Rafahu, w Chan Junusie, w mieście Gaza, w północnej Strefie Gazy, w Dajr al-Balah"
    assert [m.key for m in gaz.find_sectors(polish)] == [
        "rafah", "khan-yunis", "gaza-city", "north-gaza", "deir-al-balah"]
    nations = "Indonéziából, Marokkóba, Törökországban, z Indonezji, do Maroka, indonéz, indonezyjscy, marokkói"
    assert [m.key for m in gaz.find_nations(nations)] == [
        "Indonesia", "Morocco", "Turkey", "Indonesia", "Morocco", "Indonesia", "Indonesia", "Morocco"]


def test_a_stem_never_reads_another_word(gaz: Gazetteer) -> None:
    # CLDR's Polish and Hungarian names of India and Qatar ("Indie", "India", "Katar") are listed with their
    # forms, not as stems: "Indi*" would read Indiana, "Katar*" the name Katarzyna
    assert gaz.find_nations("Katarzyna z Indiany i Katarina z Indianapolis") == []
    assert [m.key for m in gaz.find_nations("w Indiach, Indiában, w Katarze, Katarban")] == [
        "India", "India", "Qatar", "Qatar"]
