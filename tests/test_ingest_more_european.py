"""Greek, Czech, Slovak and Finnish: placements, their status, traps, inflected names and the language told.

Sentences are composed for these tests from the languages themselves (not copied from any article; there are no
real articles in these languages in the project's dev split). Czech and Slovak inflect names ("v Rafáhu",
"v Chán Júnise", "z Indonézie"), Finnish attaches case endings ("Rafahissa", "Rafahiin", "Indonesian joukot"),
Greek inflects and moves the accent ("της Ινδονησίας", "Αιγύπτου"). Expected values are (nation, sector, role,
status) as the status engine words them: a nation's own office stating a placement confirms it, a hedge ("should",
"is expected to", "may") never does, an outlet relaying it reports it, a denial is denied.
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
    # Czech
    ("cs", "Mluvčí indonéského ministerstva obrany řekl, že indonéští vojáci budou působit v Rafáhu.",
     {lead("rafah", "confirmed")}),
    ("cs", "Indonéští vojáci by měli být rozmístěni v Chán Júnisu.", {lead("khan-yunis", "speculative")}),
    ("cs", "Očekává se, že indonéské jednotky budou rozmístěny na severu Pásma Gazy.",
     {lead("north-gaza", "speculative")}),
    ("cs", "Indonéští vojáci mohou působit v Rafáhu.", {lead("rafah", "speculative")}),
    ("cs", "Podle izraelské veřejnoprávní televize Kan budou indonéští vojáci rozmístěni v Rafáhu.",
     {lead("rafah", "reported")}),
    ("cs", "Indonéské ministerstvo obrany popřelo, že by indonéští vojáci byli rozmístěni v Rafáhu.",
     {lead("rafah", "denied")}),
    ("cs", "Rozmístění indonéských vojáků v Chán Júnisu už začalo.", {lead("khan-yunis", "reported")}),
    ("cs", "Maroko bude odpovědné za Chán Júnis.", {lead("khan-yunis", "reported", "Morocco")}),
    ("cs", "Vojáci z Ázerbájdžánu budou působit ve městě Gaza.", {lead("gaza-city", "reported", "Azerbaijan")}),
    ("cs", "Indonéští vojáci budou rozmístěni v Chán Júnisu, ne v Rafáhu.", {lead("khan-yunis", "reported")}),
    ("cs", "Indonésie nevyšle vojáky do Rafáhu.", {lead("rafah", "denied")}),  # the negation is a prefix
    ("cs", "Indonésie vyšle tisíce vojáků. Tito vojáci budou působit v Rafáhu.", {lead("rafah", "reported")}),
    ("cs", "Indonésie převezme odpovědnost za Rafáh.", {lead("rafah", "reported")}),
    ("cs", "Turecké jednotky budou rozmístěny v Dajr al-Balahu.", {lead("deir-al-balah", "reported", "Turkey")}),
    # the example tests/test_ingest_unread.py used while Czech was not read: "mají působit" (are to serve) hedges
    ("cs", "Podle izraelské televize Kan mají vojáci z Ázerbájdžánu působit v Rafahu.",
     {lead("rafah", "speculative", "Azerbaijan")}),
    # Slovak
    ("sk", "Hovorca indonézskeho ministerstva obrany povedal, že indonézski vojaci budú pôsobiť v Rafahu.",
     {lead("rafah", "confirmed")}),
    ("sk", "Indonézski vojaci by mali byť rozmiestnení v Chán Júnise.", {lead("khan-yunis", "speculative")}),
    ("sk", "Očakáva sa, že indonézske jednotky budú rozmiestnené na severe Pásma Gazy.",
     {lead("north-gaza", "speculative")}),
    ("sk", "Indonézski vojaci môžu pôsobiť v Rafahu.", {lead("rafah", "speculative")}),
    ("sk", "Podľa izraelskej verejnoprávnej televízie Kan budú indonézski vojaci rozmiestnení v Rafahu.",
     {lead("rafah", "reported")}),
    ("sk", "Indonézske ministerstvo obrany poprelo, že by indonézski vojaci boli rozmiestnení v Rafahu.",
     {lead("rafah", "denied")}),
    ("sk", "Rozmiestnenie indonézskych vojakov v Chán Júnise sa už začalo.", {lead("khan-yunis", "reported")}),
    ("sk", "Maroko bude zodpovedné za Chán Júnis.", {lead("khan-yunis", "reported", "Morocco")}),
    ("sk", "Vojaci z Azerbajdžanu budú pôsobiť v meste Gaza.", {lead("gaza-city", "reported", "Azerbaijan")}),
    ("sk", "Indonézia nevyšle vojakov do Rafahu.", {lead("rafah", "denied")}),
    ("sk", "Indonézia vyšle tisíce vojakov. Títo vojaci budú pôsobiť v Rafahu.", {lead("rafah", "reported")}),
    ("sk", "Kazašskí vojaci budú rozmiestnení v severnej časti Pásma Gazy.",
     {lead("north-gaza", "reported", "Kazakhstan")}),
    # Finnish
    ("fi", "Indonesian puolustusministeriön tiedottaja sanoi, että Indonesian joukot sijoitetaan Rafahiin.",
     {lead("rafah", "confirmed")}),
    ("fi", "Indonesialaisten sotilaiden odotetaan sijoittuvan Khan Yunisiin.", {lead("khan-yunis", "speculative")}),
    ("fi", "Indonesian joukot saattavat sijoittua Pohjois-Gazaan.", {lead("north-gaza", "speculative")}),
    ("fi", "Indonesialaiset sotilaat pitäisi sijoittaa Rafahiin.", {lead("rafah", "speculative")}),
    ("fi", "Israelilaisen yleisradioyhtiö Kanin mukaan indonesialaiset sotilaat sijoitetaan Rafahiin.",
     {lead("rafah", "reported")}),
    ("fi", "Indonesian puolustusministeriö kiisti, että indonesialaiset sotilaat sijoitettaisiin Rafahiin.",
     {lead("rafah", "denied")}),
    ("fi", "Indonesialaisten sotilaiden sijoittaminen Khan Yunisiin on alkanut.", {lead("khan-yunis", "reported")}),
    ("fi", "Marokko vastaa Khan Yunisista.", {lead("khan-yunis", "reported", "Morocco")}),
    ("fi", "Azerbaidžanilaiset sotilaat sijoitetaan Gazan kaupunkiin.", {lead("gaza-city", "reported", "Azerbaijan")}),
    ("fi", "Indonesia ei lähetä sotilaita Rafahiin.", {lead("rafah", "denied")}),
    ("fi", "Indonesia lähettää tuhansia sotilaita. Nämä sotilaat sijoitetaan Rafahiin.", {lead("rafah", "reported")}),
    ("fi", "Indonesialaiset sotilaat sijoitetaan Khan Yunisiin eikä Rafahiin.", {lead("khan-yunis", "reported")}),
    ("fi", "Indonesia ottaa vastuun Rafahista.", {lead("rafah", "reported")}),
    ("fi", "Turkin joukot sijoitetaan Deir al-Balahiin.", {lead("deir-al-balah", "reported", "Turkey")}),
    ("fi", "Kazakstanilaiset sotilaat sijoitetaan Pohjois-Gazaan.", {lead("north-gaza", "reported", "Kazakhstan")}),
    # Greek
    ("el", "Εκπρόσωπος του ινδονησιακού υπουργείου Άμυνας δήλωσε ότι οι Ινδονήσιοι στρατιώτες θα αναπτυχθούν στη "
           "Ράφα.", {lead("rafah", "confirmed")}),
    ("el", "Οι Ινδονήσιοι στρατιώτες αναμένεται να αναπτυχθούν στη Χαν Γιουνίς.", {lead("khan-yunis", "speculative")}),
    ("el", "Τα ινδονησιακά στρατεύματα ενδέχεται να σταθμεύσουν στη βόρεια Γάζα.", {lead("north-gaza", "speculative")}),
    ("el", "Οι Ινδονήσιοι στρατιώτες θα πρέπει να αναπτυχθούν στη Ράφα.", {lead("rafah", "speculative")}),
    ("el", "Σύμφωνα με τον ισραηλινό δημόσιο ραδιοτηλεοπτικό φορέα Kan, οι Ινδονήσιοι στρατιώτες θα αναπτυχθούν "
           "στη Ράφα.", {lead("rafah", "reported")}),
    ("el", "Το ινδονησιακό υπουργείο Άμυνας διέψευσε ότι Ινδονήσιοι στρατιώτες θα αναπτυχθούν στη Ράφα.",
     {lead("rafah", "denied")}),
    ("el", "Η ανάπτυξη ινδονησιακών στρατευμάτων στη Χαν Γιουνίς έχει ήδη ξεκινήσει.",
     {lead("khan-yunis", "reported")}),
    ("el", "Το Μαρόκο θα είναι υπεύθυνο για τη Χαν Γιουνίς.", {lead("khan-yunis", "reported", "Morocco")}),
    ("el", "Αζέροι στρατιώτες θα αναπτυχθούν στην Πόλη της Γάζας.", {lead("gaza-city", "reported", "Azerbaijan")}),
    ("el", "Η Ινδονησία δεν θα στείλει στρατιώτες στη Ράφα.", {lead("rafah", "denied")}),
    ("el", "Η Ινδονησία θα στείλει χιλιάδες στρατιώτες. Οι στρατιώτες θα αναπτυχθούν στη Ράφα.",
     {lead("rafah", "reported")}),
    ("el", "Οι Ινδονήσιοι στρατιώτες θα αναπτυχθούν στη Χαν Γιουνίς, όχι στη Ράφα.", {lead("khan-yunis", "reported")}),
    ("el", "Η Τουρκία θα αναλάβει την ευθύνη για τη Ράφα.", {lead("rafah", "reported", "Turkey")}),
    ("el", "Τουρκικά στρατεύματα θα σταθμεύσουν στο Ντέιρ αλ-Μπάλαχ.", {lead("deir-al-balah", "reported", "Turkey")}),
    ("el", "Καζάκοι στρατιώτες θα αναπτυχθούν στη βόρεια Γάζα.", {lead("north-gaza", "reported", "Kazakhstan")}),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_placements_and_their_status(gaz: Gazetteer, lang: str, text: str, expected: set) -> None:
    assert leads(text, gaz) == expected, lang


@pytest.mark.parametrize("text", [
    # Czech: Egypt runs the crossing; a minister visits; Israel's army; a nation and a sector, no placement
    "Egypt spravuje hraniční přechod Rafáh a v úterý ho znovu otevřel.",
    "Indonéský ministr zahraničí navštívil Rafáh a hovořil s obyvateli.",
    "Izraelská armáda stále působí v Rafáhu.",
    "Hnutí Hamás podle Izraele ovládá část Chán Júnisu, zatímco Indonésie vyšle vojáky do Pásma Gazy.",
    "Egyptská armáda posílila své jednotky na egyptské straně Rafáhu.",
    # Slovak
    "Egypt spravuje hraničný priechod Rafah a v utorok ho opäť otvoril.",
    "Indonézsky minister zahraničných vecí navštívil Rafah a hovoril s obyvateľmi.",
    "Izraelská armáda stále pôsobí v Rafahu.",
    "Hnutie Hamas podľa Izraela ovláda časť Chán Júnisu, zatiaľ čo Indonézia vyšle vojakov do Pásma Gazy.",
    # Finnish
    "Egypti hallinnoi Rafahin rajanylityspaikkaa ja avasi sen tiistaina uudelleen.",
    "Indonesian ulkoministeri vieraili Rafahissa ja tapasi asukkaita.",
    "Israelin armeija toimii yhä Rafahissa.",
    "Hamas hallitsee Israelin mukaan osaa Khan Yunisista, ja Indonesia lähettää sotilaita Gazan kaistalle.",
    "Egyptin armeija vahvisti joukkojaan Egyptin puolella Rafahia.",
    # Greek
    "Η Αίγυπτος διαχειρίζεται το πέρασμα της Ράφα και το άνοιξε ξανά την Τρίτη.",
    "Ο Ινδονήσιος υπουργός Εξωτερικών επισκέφθηκε τη Ράφα και μίλησε με κατοίκους.",
    "Ο ισραηλινός στρατός παραμένει στη Ράφα.",
    "Η Χαμάς ελέγχει τμήμα της Χαν Γιουνίς, σύμφωνα με το Ισραήλ, ενώ η Ινδονησία θα στείλει στρατιώτες στη Λωρίδα "
    "της Γάζας.",
    "Ο αιγυπτιακός στρατός ενίσχυσε τις δυνάμεις του στην αιγυπτιακή πλευρά της Ράφα.",
    # the force's first phase, then a list of contributors with no sector of their own (Greek's raised dot is its
    # semicolon); a hospital, evacuated citizens and an outlet named after their country
    "Η ISF θα αναπτυχθεί πρώτα στη Ράφα· στρατιώτες θα στείλουν η Ινδονησία, το Μαρόκο και η Αλβανία.",
    "ISF budou nejprve rozmístěny v Rafáhu; vojáky vyšlou Indonésie, Maroko a Albánie.",
    "ISF sijoitetaan ensin Rafahiin; sotilaita lähettävät Indonesia, Marokko ja Albania.",
    "Indonéská nemocnice na severu Pásma Gazy byla ostřelována a poblíž byli rozmístěni vojáci.",
    "Občania Indonézie boli evakuovaní cez hraničný priechod Rafah.",
    "Indonesialainen uutistoimisto Antara kertoi sotilaiden sijoittamisesta Rafahiin.",
    "Το ινδονησιακό πρακτορείο ειδήσεων Antara μετέδωσε για την ανάπτυξη στρατιωτών στη Ράφα.",
])
def test_traps_give_no_lead(gaz: Gazetteer, text: str) -> None:
    assert not [f for f in extract(text, gaz) if f.role == "lead" and f.nation is not None], text


def test_greek_development_is_no_deployment(gaz: Gazetteer) -> None:
    # "ανάπτυξη" is deployment and (economic) development: only with troops after it does it place anyone
    assert [f.label() for f in extract("Η Αίγυπτος σχεδιάζει την οικονομική ανάπτυξη της Ράφα.", gaz)] == []
    assert leads("Η ανάπτυξη ινδονησιακών στρατευμάτων στη Ράφα ξεκίνησε.", gaz) == {lead("rafah", "reported")}


CZECH = ("Indonéská vláda připravuje vyslání vojáků do Pásma Gazy. Mluvčí ministerstva obrany řekl, že jednotky "
         "brzy odjedou a budou také pomáhat při obnově a při zdravotní péči o obyvatele, kteří jsou v nouzi.")
SLOVAK = ("Indonézska vláda pripravuje vyslanie vojakov do Pásma Gazy. Hovorca ministerstva obrany povedal, že "
          "jednotky čoskoro odcestujú a budú tiež pomáhať pri obnove a pri zdravotnej starostlivosti o obyvateľov, "
          "ktorí sú v núdzi.")
FINNISH = ("Indonesian hallitus valmistelee sotilaiden lähettämistä Gazan kaistalle. Puolustusministeriön "
           "tiedottaja sanoi, että yksiköt lähtevät pian ja että ne auttavat myös jälleenrakennuksessa sekä "
           "asukkaiden terveydenhuollossa.")
GREEK = ("Η κυβέρνηση της Ινδονησίας προετοιμάζει την αποστολή στρατιωτών στη Λωρίδα της Γάζας. Ο εκπρόσωπος του "
         "υπουργείου Άμυνας είπε ότι οι μονάδες θα αναχωρήσουν σύντομα και ότι θα βοηθήσουν επίσης στην ανοικοδόμηση "
         "και στην ιατρική φροντίδα του πληθυσμού.")
# Short: about as few words as a language can be told by (a Czech brief must not read as Slovak or Polish)
CZECH_SHORT = ("Podle ministerstva jsou vojáci připraveni. Jednotky mají odjet ještě tento měsíc, již byl schválen "
               "plán a také rozpočet pro misi.")


@pytest.mark.parametrize(("text", "code"), [(CZECH, "cs"), (SLOVAK, "sk"), (FINNISH, "fi"), (GREEK, "el"),
                                            (CZECH_SHORT, "cs")])
def test_the_language_is_told_and_read(gaz: Gazetteer, text: str, code: str) -> None:
    language = extract_all(text, gaz).language
    assert (language.code, language.read) == (code, True)


def test_inflected_names_are_read(gaz: Gazetteer) -> None:
    czech = "v Rafáhu, v Chán Júnisu, ve městě Gaza, na severu Pásma Gazy, v Dajr al-Balahu"
    assert [m.key for m in gaz.find_sectors(czech)] == [
        "rafah", "khan-yunis", "gaza-city", "north-gaza", "deir-al-balah"]
    slovak = "v Rafahu, v Chán Júnise, v meste Gaza, na severe Pásma Gazy, v Dajr al-Balahu"
    assert [m.key for m in gaz.find_sectors(slovak)] == [
        "rafah", "khan-yunis", "gaza-city", "north-gaza", "deir-al-balah"]
    finnish = "Rafahissa, Rafahiin, Khan Yunisista, Gazan kaupungissa, Pohjois-Gazaan, Deir al-Balahissa"
    assert [m.key for m in gaz.find_sectors(finnish)] == [
        "rafah", "rafah", "khan-yunis", "gaza-city", "north-gaza", "deir-al-balah"]
    greek = "στη Ράφα, της Ράφας, στη Χαν Γιουνίς, στην Πόλη της Γάζας, στη βόρεια Γάζα, στο Ντέιρ αλ-Μπαλάχ"
    assert [m.key for m in gaz.find_sectors(greek)] == [
        "rafah", "rafah", "khan-yunis", "gaza-city", "north-gaza", "deir-al-balah"]
    nations = ("z Indonésie, indonéští, z Indonézie, indonézski, Indonesiasta, indonesialaiset, της Ινδονησίας, "
               "Ινδονήσιοι, Αιγύπτου, Marokkosta, marockých")
    assert [m.key for m in gaz.find_nations(nations)] == [
        "Indonesia", "Indonesia", "Indonesia", "Indonesia", "Indonesia", "Indonesia", "Indonesia", "Indonesia",
        "Egypt", "Morocco", "Morocco"]


def test_a_stem_never_reads_another_word(gaz: Gazetteer) -> None:
    # CLDR's names of Qatar, India, Turkey, Germany and France in these languages are listed with their forms, not
    # as stems: "Katar*" would read the name Katarína, "Indi*" Indiana, Finnish "Turk*" the city Turku and "Saks*"
    # sakset (scissors), "Franci*" Francisco, Greek "Κατάρ*" the word κατάρα (a curse)
    assert gaz.find_nations("Katarína z Indiany, Turkuun, Turussa, sakset, Francisco, η κατάρα") == []
    assert [m.key for m in gaz.find_nations("v Kataru, v Indii, Turkissa, Intiassa, Saksassa, Francii, στο Κατάρ")] == [
        "Qatar", "India", "Turkey", "India", "Germany", "France", "Qatar"]
