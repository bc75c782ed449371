"""Sentence segmentation's shortcut: pysbd is skipped only where it cannot cut a window otherwise than the pre-split.

The guarantee is checked on real text (every window of tests/realworld and tests/ingest_corpus): wherever
``pysbd_may_differ`` says no, pysbd's sentences equal the pre-split's.
"""

from __future__ import annotations

import pytest

from benchmarks.segment_shortcut import check, repo_texts
from mapview.ingest.segment import pysbd_may_differ, pysbd_sentences, rough_sentences


@pytest.mark.parametrize("window", [
    "Lt. Gen. Agus Subiyanto said the troops would go to Rafah. They leave in April.",  # abbreviations
    "U.S. officials said Indonesian troops would be based in Rafah. Jakarta agreed.",  # a stop inside a word
    "The report is dated Dec. 2, 2023. Troops will follow.",  # a month's abbreviation, a number
    "He said: \"We go to Rafah. Then Khan Yunis.\" The plan is set.",  # a quotation
    "The troops (about 1,000. men) go to Rafah. Later more.",  # brackets
    "The troops go to Rafah... Later more.",  # an ellipsis
    "The troops go to Rafah. and then to Khan Yunis.",  # a lower-case word after the stop
    "인도네시아군이 라파에 주둔합니다.ISF 계획입니다.",  # no space after the stop
    "Sgt. Ira Gispan fell in Rafah. The army said so.",  # a rank
    "See www.example.com. The army said so.",  # an address
    "Indonesian troops in Rafah ???",  # a run of marks, even at the end (pysbd parts it)
    "Guess who? Joshua Y.!",
])
def test_windows_pysbd_may_cut_otherwise_go_to_pysbd(window) -> None:
    assert pysbd_may_differ(window)


@pytest.mark.parametrize("window", [
    "Indonesian troops will be based in Rafah. Kosovo will lead in North Gaza. Albania takes Deir al-Balah.",
    "Kan reported that a site was being prepared. It lies between Rafah and Khan Yunis!",
    "قوات إندونيسية ستتمركز في رفح. وأفادت هيئة البث بذلك.",
])
def test_plain_sentences_skip_pysbd_and_are_cut_as_pysbd_cuts_them(window) -> None:
    assert not pysbd_may_differ(window)
    assert pysbd_sentences(window, 0, len(window)) == rough_sentences(window, 0, len(window))


def test_on_real_text_every_window_that_skips_pysbd_is_cut_as_pysbd_cuts_it() -> None:
    """Each window sentences_around would hand pysbd (a pre-split piece with two before and one after), over every
    text of tests/realworld and tests/ingest_corpus (``benchmarks.segment_shortcut`` also takes real web pages)."""
    windows, skipped, differing = check(repo_texts())
    assert skipped > 2000 and skipped > windows / 2  # the shortcut is taken on most windows of plain reporting
    assert differing == []
