"""How ingest runs its rules, not what they say: the grouped alternation (mapview.ingest.dispatch) matches exactly
what the plain ``|``-join matches (on every cue, status and speaker table over the real articles, on letters that fold
together under IGNORECASE, on generated patterns and texts), and the per-article gazetteer finds what the plain one
finds."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mapview.ingest import attribution, dispatch, langdata
from tests.conftest import ROOT, SEEDS


def _plain(patterns: list[str]) -> str:
    return "|".join(patterns)


def _compiled_plainly(table: dict[str, list[str]], prefixes: dict[str, str] | None = None,
                      unspaced: frozenset[str] = frozenset()) -> re.Pattern[str]:
    """attribution._compile as it was before grouping: one plain branch per language (a language written without
    spaces matched inside runs of text)."""
    branches = [f"{(prefixes or {}).get(lang, '')}(?i:{'|'.join(patterns)})"
                for lang, patterns in table.items() if patterns and lang not in unspaced]
    inside = [f"(?:{'|'.join(patterns)})" for lang, patterns in table.items() if patterns and lang in unspaced]
    return re.compile("|".join([rf"(?<!\w)(?:{'|'.join(branches) or '(?!x)x'})(?!\w)", *inside]))


def _texts() -> list[str]:
    texts = [json.loads(line)["text"] for path in sorted((ROOT / "tests" / "realworld").glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [json.loads(line)["text"] for path in sorted((ROOT / "tests" / "ingest_corpus").glob("*.jsonl"))
              for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    return texts


def _found(pattern: re.Pattern[str], texts: list[str]) -> list[list[tuple[int, int, str]]]:
    return [[(m.start(), m.end(), m.group()) for m in pattern.finditer(text)] for text in texts]


def _cue_kinds() -> list[str]:
    return sorted({kind for lang in langdata.languages().values() for kind in lang.cues})


def test_every_cue_table_finds_the_same_matches_grouped_and_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    grouped = {kind: langdata.compile_table(kind) for kind in _cue_kinds()}
    assert any(dispatch.alternation(langdata.words(kind)) != "|".join(langdata.words(kind))
               for kind in _cue_kinds())  # some table is large enough to be grouped
    monkeypatch.setattr(langdata, "alternation", _plain)
    monkeypatch.setattr(langdata, "gated_from", lambda prefix, parts, pattern: pattern)
    compared = 0
    for kind, pattern in grouped.items():
        plain = langdata.compile_table(kind)
        found = _found(pattern, texts)
        assert found == _found(plain, texts), kind
        compared += sum(map(len, found))
    assert compared > 1000  # the tables do match in these articles


def test_status_and_speaker_tables_find_the_same_matches_grouped_and_plain(monkeypatch: pytest.MonkeyPatch
                                                                            ) -> None:
    texts = _texts()
    grouped = attribution.load_tables.__wrapped__(attribution.LANG_DIR)
    monkeypatch.setattr(attribution, "_compile", _compiled_plainly)
    plain = attribution.load_tables.__wrapped__(attribution.LANG_DIR)
    pairs = [(grouped.hedges, plain.hedges), (grouped.denials, plain.denials),
             *zip((p for p, _ in grouped.speech), (p for p, _ in plain.speech), strict=True),
             *zip((p for p, _ in grouped.according), (p for p, _ in plain.according), strict=True),
             *zip((p for _, p in grouped.kinds), (p for _, p in plain.kinds), strict=True)]
    assert any(a.pattern != b.pattern for a, b in pairs)
    for a, b in pairs:
        assert _found(a, texts) == _found(b, texts), b.pattern[:80]


# Letters that fold together under IGNORECASE in ways str.lower() does not show (Turkish dotted and dotless i,
# the Kelvin sign, the long s), and branches that share a first letter but must keep their order.
FOLDING = ["ısrar", "İstanbul", "iş", "Ilık", "\u212aelvin", "kilo", "ſoft", "soft", "sof", "ſ", "s\\w+", "is",
           "i", "K", "ks", "ab", "a", "abc", "\\w{2}c", "(?:x|y)z", "[xy]", "x?q", "(?<=-)led", "led", "le",
           "(?:un)?likely", "\\d+"]
FOLDING_TEXT = ("ISRAR ısrar İSTANBUL istanbul İş IŞ ılık ILIK \u212aELVIN kelvin KILO ſoft SOFT soft sofa ſ S "
                "IS is I i k K ks KS abc ABC abd xc yz xz q xq -led led LED le unlikely likely 42 sſ")


@pytest.mark.parametrize("ignore_case", [True, False])
def test_letters_that_fold_together_keep_the_plain_matches(ignore_case: bool) -> None:
    grouped = dispatch.alternation(FOLDING)
    assert grouped != "|".join(FOLDING)
    flag = "(?i:" if ignore_case else "(?:"
    for guard in ("", r"(?<!\w)"):
        a = re.compile(f"{guard}{flag}{grouped})")
        b = re.compile(f"{guard}{flag}{'|'.join(FOLDING)})")
        assert _found(a, [FOLDING_TEXT]) == _found(b, [FOLDING_TEXT])


_ATOMS = st.sampled_from(["a", "b", "A", "i", "ı", "İ", "k", "\u212a", "s", "ſ", "\\w", "\\s+", "[ab]", "(?:a|bi)",
                          "(?:ab)?", "x*", "(?=a)", "(?<!b)", "\\d", "-", " ", "(?i:a)", "(?i:ı)",
                          "(?-i:K)", "(?-i:s)"])
_PATTERN = st.lists(_ATOMS, min_size=1, max_size=4).map("".join)
_TEXT = st.text(alphabet="abAiıIİkK\u212asSſx- 1\n", max_size=60)


@settings(max_examples=60, deadline=None)
@given(st.lists(_PATTERN, min_size=dispatch.MIN_BRANCHES, max_size=40), st.lists(_TEXT, min_size=1, max_size=5),
       st.booleans())
def test_generated_tables_match_the_same_as_the_plain_join(patterns: list[str], texts: list[str],
                                                            ignore_case: bool) -> None:
    flag = "(?i:" if ignore_case else "(?:"
    grouped = re.compile(rf"(?<!\w){flag}{dispatch.alternation(patterns)})")
    plain = re.compile(rf"(?<!\w){flag}{'|'.join(patterns)})")
    assert _found(grouped, texts) == _found(plain, texts)


def test_speech_cues_found_from_the_first_cue_of_any_language_are_the_ones_found_from_the_start() -> None:
    import dataclasses

    tables = attribution.load_tables()
    ungated = dataclasses.replace(tables, any_cue=None)
    spans = 0
    for text in _texts():
        lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
        for start, end in [(0, len(text)), *lines]:
            gated = attribution._Reader(text, None, lambda t, b: [], tables).cues(start, end)
            assert gated == attribution._Reader(text, None, lambda t, b: [], ungated).cues(start, end)
            spans += len(gated)
    assert spans > 100


def test_the_per_article_gazetteer_finds_what_the_gazetteer_finds_and_keeps_it_to_itself(gaz) -> None:
    texts = _texts()[:40]
    one, other = gaz.for_one_article(), gaz.for_one_article()
    for text in texts:
        for base in (0, 7):
            for _ in range(2):  # the second time from what it remembers
                assert one.find_sectors(text, base) == gaz.find_sectors(text, base)
                assert one.find_nations(text, base) == gaz.find_nations(text, base)
    found = one.find_nations(texts[0])
    found.clear()  # a caller changing the list it got changes nothing remembered
    assert one.find_nations(texts[0]) == gaz.find_nations(texts[0]) != []
    assert other._found == {} and one.sector_names == gaz.sector_names


def test_a_cue_set_compiles_every_category_it_declares_and_only_those_on_first_use() -> None:
    import dataclasses

    from mapview.ingest import cues

    declared = {f.name for f in dataclasses.fields(cues.CueSet)}
    for codes in (None, frozenset({"en"}), frozenset({"ja"})):
        lazy = cues._CompiledOnUse(codes)
        assert set(lazy._builders) == declared
        assert not declared & set(vars(lazy))  # nothing compiled before it is asked for
        for name in sorted(declared):
            assert isinstance(getattr(lazy, name), re.Pattern)
            assert getattr(lazy, name) is getattr(lazy, name)  # compiled once, then kept
    with pytest.raises(AttributeError):
        cues.cue_set(None).no_such_category  # noqa: B018


def test_name_tables_entered_through_their_first_letters_find_what_they_found_before(
        gaz, monkeypatch: pytest.MonkeyPatch) -> None:
    from mapview.ingest import gazetteer

    texts = _texts()
    matchers = [gaz.sectors, gaz.nations, gazetteer._stem_matcher(tuple(gaz.sectors.entries)),
                gazetteer.unread_nation_matcher("et")]
    monkeypatch.setattr(gazetteer, "gated", lambda pattern: pattern)
    monkeypatch.setattr(gazetteer, "gated_from", lambda prefix, parts, pattern: pattern)
    plain = [gazetteer.NameMatcher(m.entries) for m in matchers]
    compared = 0
    for fast, slow in zip(matchers, plain, strict=True):
        assert fast.pattern.pattern != slow.pattern.pattern
        for text in texts:
            found = [(m.span(), m.lastgroup) for m in fast.pattern.finditer(text)]
            assert found == [(m.span(), m.lastgroup) for m in slow.pattern.finditer(text)]
            compared += len(found)
    assert compared > 1000


@settings(max_examples=60, deadline=None)
@given(_PATTERN, st.lists(_TEXT, min_size=1, max_size=5), st.booleans())
def test_a_gated_pattern_matches_what_it_matched(pattern: str, texts: list[str], ignore_case: bool) -> None:
    flag = "(?i:" if ignore_case else "(?:"
    assert _found(re.compile(f"{flag}{dispatch.gated(pattern)})|x"), texts) == \
        _found(re.compile(f"{flag}{pattern})|x"), texts)


def _language_by_every_list(text: str, known: frozenset[str]) -> str | None:
    """langdata.sentence_language as first written: every file's stopword list and foreign letters walked for
    each sentence (the reference the indexed version must agree with)."""
    from collections import Counter

    words = langdata._WORD.findall(text.casefold())
    if not words:
        return None
    counts, shared = Counter(words), langdata._stopwords_of(known)
    ruled_out = set()
    for code, lang in langdata.languages().items():
        foreign = sum(1 for w in words if lang.foreign_letters and any(ch in lang.foreign_letters for ch in w))
        if foreign >= 2 and foreign >= langdata.FOREIGN_SHARE * len(words):
            ruled_out.add(code)
    hits = sorted(((sum(counts[w] for w in stops if w in counts and w not in shared), code)
                   for code, stops in langdata._stopwords().items() if code not in known | ruled_out), reverse=True)
    (best, code), (second, _) = hits[0], hits[1] if len(hits) > 1 else (0, "")
    if best >= langdata.SENTENCE_HITS and best >= langdata.STOPWORD_SHARE * len(words) and best >= 1.5 * second:
        return code
    return None


def test_the_stopword_index_tells_each_sentence_the_language_every_list_tells() -> None:
    from mapview.ingest.segment import lines, rough_sentences

    told = 0
    for text in _texts():
        for line in lines(text):
            for start, end in rough_sentences(text, *line):
                sentence = text[start:end]
                for known in (frozenset(), frozenset({"en"}), frozenset({"id", "ms"}), frozenset({"ru"})):
                    expected = _language_by_every_list(sentence, known)
                    assert langdata.sentence_language(sentence, known) == expected
                    told += expected is not None
    assert told > 100


def test_a_speaker_table_with_prefixed_languages_matches_the_plain_ordered_join() -> None:
    # Arabic and Hebrew attach prefixes to their cues; their branch stands, once, between the other languages' runs
    files = attribution._documents(attribution.LANG_DIR)
    codes = ["en", "ar", "fr", "he", "id"]
    prefixes = {c: str(files[c].get("language", {}).get("cue_prefix", "")) for c in codes}
    assert prefixes["ar"] and prefixes["he"] and not prefixes["en"]
    table = {c: attribution._table({c: files[c]}, "status", "hedges")[c] for c in codes}
    grouped = attribution._compile(table, prefixes)
    plain = re.compile(r"(?<!\w)(?:" + "|".join(
        f"{prefixes[c]}(?i:{'|'.join(patterns)})" if prefixes[c] else "|".join(f"(?i:{p})" for p in patterns)
        for c, patterns in table.items()) + r")(?!\w)")
    texts = _texts()
    found = _found(grouped, texts)
    assert found == _found(plain, texts)
    assert sum(map(len, found)) > 50
    # copied into each letter's group, the Arabic branch alone made the table ten times its size
    assert len(grouped.pattern) < 2 * len(plain.pattern)


def test_lookaheads_put_together_from_parts_are_the_ones_read_from_the_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    from mapview.data.project import ProjectPaths
    from mapview.data.sectors import load_sectors
    from mapview.ingest import gazetteer

    seen: list[tuple[str, str]] = []

    def recorded(prefix: str, parts, pattern: str) -> str:
        out = dispatch.gated_from(prefix, parts, pattern)
        seen.append((pattern, out))
        return out

    for module in (langdata, attribution, gazetteer):
        monkeypatch.setattr(module, "gated_from", recorded)
    gazetteer.build_gazetteer(load_sectors(ProjectPaths.defaults().sectors)[0].sectors)
    for codes in (None, frozenset({"en"}), frozenset({"ar", "en"}), frozenset({"he", "en"}),
                  frozenset({"ja", "en"}), frozenset({"ur", "fa"})):
        for kind in _cue_kinds():
            langdata.compile_table(kind, codes=codes)
        attribution.load_tables.__wrapped__(attribution.LANG_DIR, codes)
    assert len(seen) > 100 and max(len(p) for p, _ in seen) > 10_000  # the name tries and prefixed tables among them
    assert sum(out != pattern for pattern, out in seen) > 50  # most are entered through a lookahead
    assert [out for _, out in seen] == [dispatch.gated(pattern) for pattern, _ in seen]
