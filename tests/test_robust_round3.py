"""Issue #14, the last findings, each reproduced first: a transactional ingest (read-only folders, a missing claims
folder, a full disk part-way), NFC quotes against NFD text, proposals.json compaction, and articles an interrupted
ingest copied but never described."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import tempfile
import unicodedata
from pathlib import Path

import pytest

from mapview.cli import main as cli_main
from mapview.data.problems import errors
from mapview.data.project import ProjectPaths, load_project
from tests.conftest import DATA, ROOT

ARTICLE = ("Kosovo to lead northern sector\n\n"
           "Officials said Kosovo will lead the North Gaza sector of the stabilization force.\n")
SECOND = ("Albania confirms its role\n\n"
          "Albania will lead the Deir al-Balah sector, the defence minister said on Tuesday.\n")


def _args(paths: ProjectPaths) -> list[str]:
    return ["--claims", str(paths.claims), "--seeds", str(paths.seeds), "--sectors", str(paths.sectors)]


def _articles(tmp_path: Path) -> list[str]:
    folder = tmp_path / "incoming"
    folder.mkdir()
    out = []
    for name, text in (("north.txt", ARTICLE), ("deir.txt", SECOND)):
        (folder / name).write_text(text, encoding="utf-8")
        out.append(str(folder / name))
    return out


def _snapshot(paths: ProjectPaths) -> dict[str, str]:
    """Every file of the project's seeds and claims folders (but the lock file) -> its sha256."""
    out = {}
    for folder in (paths.seeds, paths.claims.parent):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.name != ".mapview.lock":
                out[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def _read_only(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Make ``folder`` refuse new files as a read-only folder does (chmod does not stop root, who runs CI here)."""
    real = tempfile.mkstemp
    folder = folder.resolve()

    def mkstemp(*args, **kwargs):
        where = kwargs.get("dir")
        if where is not None and Path(where).resolve() == folder:
            raise PermissionError(errno.EACCES, "Permission denied", os.path.join(str(where), "tmp"))
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


@pytest.mark.parametrize("which", ["seeds", "claims"])
def test_ingest_into_a_read_only_folder_names_it_and_writes_nothing(which, data_copy, tmp_path, monkeypatch,
                                                                    capsys) -> None:
    files = _articles(tmp_path)
    before = _snapshot(data_copy)
    folder = data_copy.seeds if which == "seeds" else data_copy.claims.parent
    _read_only(monkeypatch, folder)
    assert cli_main([*_args(data_copy), "ingest", *files]) == 1
    err = capsys.readouterr().err
    assert f"cannot write in {folder}" in err and "Permission denied" in err and "nothing written" in err
    assert "Traceback" not in err
    assert _snapshot(data_copy) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_ingest_into_a_really_read_only_seeds_folder(data_copy, tmp_path, capsys) -> None:
    files = _articles(tmp_path)
    before = _snapshot(data_copy)
    data_copy.seeds.chmod(0o555)
    try:
        assert cli_main([*_args(data_copy), "ingest", *files]) == 1
    finally:
        data_copy.seeds.chmod(0o755)
    assert str(data_copy.seeds) in capsys.readouterr().err
    assert _snapshot(data_copy) == before


def test_ingest_with_claims_in_a_missing_folder_says_so_and_creates_nothing(data_copy, tmp_path, capsys) -> None:
    files = _articles(tmp_path)
    before = _snapshot(data_copy)
    missing = tmp_path / "nowhere" / "claims.json"
    paths = ProjectPaths(data_copy.sectors, missing, data_copy.seeds, data_copy.context)
    assert cli_main([*_args(paths), "ingest", *files]) == 1
    err = capsys.readouterr().err
    assert f"claims folder {missing.parent} does not exist" in err and "nothing written" in err
    assert not missing.parent.exists()
    assert _snapshot(data_copy) == before


def _full_disk_at(monkeypatch: pytest.MonkeyPatch, nth: int) -> list[int]:
    """os.replace raises ENOSPC at its ``nth`` call (counting from 1), as a disk filling up part-way would."""
    real, calls = os.replace, [0]

    def replace(src, dst, *args, **kwargs):
        calls[0] += 1
        if calls[0] == nth:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    return calls


def test_ingest_on_a_disk_that_fills_part_way_commits_nothing(data_copy, tmp_path, monkeypatch, capsys) -> None:
    files = _articles(tmp_path)
    before = _snapshot(data_copy)
    # a clean run makes five renames: two articles, sources.json, proposals.json, mentions.json (or fewer)
    for nth in range(1, 6):
        calls = _full_disk_at(monkeypatch, nth)
        code = cli_main([*_args(data_copy), "ingest", *files])
        monkeypatch.undo()
        err = capsys.readouterr().err
        if calls[0] < nth:  # fewer writes than nth: this run finished
            assert code == 0
            break
        assert code == 1, nth
        assert "No space left on device" in err and "nothing written" in err and "Traceback" not in err, nth
        assert str(data_copy.seeds) in err or str(data_copy.claims.parent) in err, err
        assert _snapshot(data_copy) == before, f"a full disk at write {nth} left a change behind"
        assert not errors(load_project(data_copy).problems)
    else:
        pytest.fail("expected the run to finish within five writes")


# ---------------------------------------------------------------- NFC quotes against NFD text, and back

_NFC_ARTICLE = ("Title\n\nThe Prime Minister of Kosovo, Albin Kurti, met Brigadier Zoë Bélanger in Đakovica and "
                "São Tomé.\n")


@pytest.mark.parametrize(("stored_form", "quote_form"), [("NFD", "NFC"), ("NFC", "NFD")])
def test_a_quote_anchors_to_the_same_text_in_the_other_normal_form(stored_form, quote_form) -> None:
    from mapview.data.anchors import anchor_quote, make_anchor, resolve

    stored = unicodedata.normalize(stored_form, _NFC_ARTICLE)
    assert stored != unicodedata.normalize(quote_form, stored)  # the two forms really differ
    quote = unicodedata.normalize(quote_form, "Brigadier Zoë Bélanger in Đakovica and São Tomé")
    anchor = anchor_quote(stored, quote)
    # the position is on the stored text: it selects the stored characters, whole (no accent left out or cut)
    assert unicodedata.normalize("NFC", stored[anchor.start:anchor.end]) == unicodedata.normalize("NFC", quote)
    assert stored[anchor.start:anchor.end] == anchor.exact
    assert stored[anchor.end] == "." and stored[anchor.start - 1] == " "
    # a passage recorded in the other form (hand-typed quote, stale position) re-verifies against the stored text
    other = make_anchor(unicodedata.normalize(quote_form, stored), 0, 5)  # any anchor in the other form...
    typed = other.__class__(quote, "met ", ".", 0, len(quote))  # ...then a quote with a wrong position
    result = resolve(stored, typed)
    assert result.found, result.message
    assert (result.start, result.end) == (anchor.start, anchor.end)
    # and with its position right, it is the same passage (normalised), not a moved one
    placed = typed.__class__(quote, "met ", ".", anchor.start, anchor.end)
    assert resolve(stored, placed).status == "normalised"


def test_an_nfd_seed_verifies_a_claim_quoted_in_nfc(data_copy) -> None:
    """A hand-placed seed saved in NFD (as macOS file tools may) still backs the claims quoting it in NFC."""
    article = unicodedata.normalize("NFD", "Zoë Bélanger reports\n\nKosovo will lead the North Gaza sector, "
                                           "Zoë Bélanger said.\n")
    (data_copy.seeds / "zz_nfd.txt").write_text(article, encoding="utf-8")
    quote = "Kosovo will lead the North Gaza sector, Zoë Bélanger said."
    doc = json.loads(data_copy.claims.read_text(encoding="utf-8"))
    doc["claims"].append({"id": "nfd-test", "nation": "Kosovo", "role": "lead", "sector": "north-gaza",
                          "status": "reported", "evidence": [{"source": "zz_nfd.txt", "selector": [
                              {"type": "TextQuoteSelector", "exact": quote, "prefix": "", "suffix": ""},
                              {"type": "TextPositionSelector", "start": 0, "end": len(quote)}]}]})
    data_copy.claims.write_text(json.dumps(doc), encoding="utf-8")
    project = load_project(data_copy)
    claim = next(c for c in project.claims.claims if c.id == "nfd-test")
    assert all(e.found for e in claim.evidence), [p.message for p in project.problems if "nfd" in p.message]


# ---------------------------------------------------------------- proposals.json stays under its own read limit

def _bulk_proposals(path: Path, target_bytes: int, pending_every: int = 50) -> tuple[set[str], set[str]]:
    """A proposals file of about ``target_bytes`` of decided proposals (one in ``pending_every`` left pending);
    returns (pending ids, decided ids)."""
    from mapview.data.anchors import make_anchor
    from mapview.ingest.proposals import SCHEMA, Passage, Proposal

    def write_proposals(where: Path, proposals: list[Proposal]) -> None:  # as an older mapview wrote it: whole
        doc = {"schema": SCHEMA, "claims": [p.to_json() for p in proposals]}
        where.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    text = ARTICLE * 3
    anchor = make_anchor(text, text.index("Kosovo will"), text.index(" of the"))

    def build(count: int) -> tuple[list[Proposal], set[str], set[str]]:
        proposals, pending, decided = [], set(), set()
        for i in range(count):
            pid = f"kosovo-lead-north-gaza.{i:06d}_{i:016x}"[:40]
            review = "pending" if i % pending_every == 0 else ("accepted" if i % 3 else "rejected")
            (pending if review == "pending" else decided).add(pid)
            proposals.append(Proposal(pid, "Kosovo", "lead", "north-gaza", "reported",
                                      [Passage("000_0000000000000000.txt", anchor)], "n" * 200, review,
                                      f"claim-{i}" if review == "accepted" else None))
        return proposals, pending, decided

    write_proposals(path, build(1000)[0])
    per_proposal = path.stat().st_size / 1000
    proposals, pending, decided = build(int(target_bytes / per_proposal) - 100)
    write_proposals(path, proposals)
    # one pending proposal with a long note fills the gap to within a few hundred bytes of the target
    pad = target_bytes - path.stat().st_size - 800
    proposals.append(Proposal("padding.000_0000000000000000", "Kosovo", "lead", "north-gaza", "reported",
                              [Passage("000_0000000000000000.txt", anchor)], "p" * pad))
    pending.add(proposals[-1].id)
    write_proposals(path, proposals)
    return pending, decided


def test_proposals_file_near_its_limit_is_rotated_and_ingest_keeps_working(data_copy, tmp_path, capsys) -> None:
    from mapview.ingest.proposals import MAX_STATE_BYTES, read_proposals

    live = data_copy.claims.parent / "proposals.json"
    pending, decided = _bulk_proposals(live, MAX_STATE_BYTES - 300)
    assert MAX_STATE_BYTES - 1_000 < live.stat().st_size <= MAX_STATE_BYTES
    files = _articles(tmp_path)
    for given in files:  # before, the first ingest pushed the file past the limit and the second was refused
        assert cli_main([*_args(data_copy), "ingest", given]) == 0, capsys.readouterr().err
        assert live.stat().st_size <= MAX_STATE_BYTES // 2
    kept = read_proposals(live)
    assert pending <= {p.id for p in kept}  # every pending proposal is still there for review
    assert all(p.review == "pending" for p in kept)
    assert {p.source for p in kept} - {"000_0000000000000000.txt"}  # and the new articles' proposals joined them
    archives = sorted(live.parent.glob("proposals-archive-*.json"))
    assert archives and all(a.stat().st_size <= MAX_STATE_BYTES for a in archives)
    archived = [p for a in archives for p in read_proposals(a)]
    assert {p.id for p in archived} == decided and len(archived) == len(decided)  # nothing lost, nothing twice
    assert {p.claim_id for p in archived if p.review == "accepted"} >= {"claim-1", "claim-2"}
    assert not errors(load_project(data_copy).problems)
    # an archived decision is still remembered: ingesting the same article again proposes nothing new
    before = live.read_bytes()
    assert cli_main([*_args(data_copy), "ingest", files[0]]) == 0
    assert live.read_bytes() == before


def test_an_archived_proposal_is_not_proposed_again(data_copy, tmp_path) -> None:
    """A proposal accepted with edits (so claims.json no longer matches its finding) and then archived."""
    from mapview.ingest.proposals import ROTATE_AT_BYTES, read_proposals, write_proposals

    live = data_copy.claims.parent / "proposals.json"
    files = _articles(tmp_path)
    assert cli_main([*_args(data_copy), "ingest", files[0]]) == 0
    made = read_proposals(live)
    assert made
    for p in made:
        p.review = "rejected"  # decided, but (unlike a real rejection) not in rejected.json
    filler_pending, _ = _bulk_proposals(tmp_path / "filler.json", ROTATE_AT_BYTES + 10_000, pending_every=1)
    write_proposals(live, made + read_proposals(tmp_path / "filler.json"))
    assert not [p for p in read_proposals(live) if p.id in {m.id for m in made}]  # rotated out
    assert cli_main([*_args(data_copy), "ingest", files[0]]) == 0
    assert not [p for p in read_proposals(live) if p.id in {m.id for m in made}]


# ---------------------------------------------------------------- articles copied but never described

class _Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs (no rollback, no cleanup)."""


def test_articles_an_interrupted_ingest_left_undescribed_are_named_and_described_next_time(
        data_copy, tmp_path, monkeypatch, capsys) -> None:
    import mapview.ingest.command as command

    files = _articles(tmp_path)
    real = command.atomic_write_text

    def killed_at_sources_json(path, text):
        if Path(path).name == "sources.json":
            raise _Killed
        return real(path, text)

    monkeypatch.setattr(command, "atomic_write_text", killed_at_sources_json)
    with pytest.raises(_Killed):
        cli_main([*_args(data_copy), "ingest", *files])
    monkeypatch.undo()
    shipped = {p.name for p in (DATA / "seeds").glob("*.txt")}
    copied = sorted(p.name for p in data_copy.seeds.glob("*.txt") if p.name not in shipped)
    assert len(copied) == 2  # the kill came after the articles were copied, before they were described
    capsys.readouterr()
    cli_main([*_args(data_copy), "verify"])
    out = capsys.readouterr().out
    for name in copied:
        assert f"article {name} has no entry in sources.json; run ingest again to describe it" in out
    # the next ingest (of anything, here an article already in the seeds) describes them and proposes from them
    third = tmp_path / "third.txt"
    third.write_text(unicodedata.normalize("NFC", "Note\n\nNothing new here.\n"), encoding="utf-8")
    assert cli_main([*_args(data_copy), "ingest", str(third)]) == 0
    out = capsys.readouterr().out
    meta = json.loads((data_copy.seeds / "sources.json").read_text(encoding="utf-8"))
    described = {e["id"]: e for e in meta["sources"]}
    for name in copied:
        assert name in out
        assert described[name]["title"] in (ARTICLE.splitlines()[0], SECOND.splitlines()[0])
    proposals = json.loads((data_copy.claims.parent / "proposals.json").read_text(encoding="utf-8"))["claims"]
    assert set(copied) <= {e["source"] for p in proposals for e in p["evidence"]}
    numbers = [p.name[:3] for p in data_copy.seeds.glob("[0-9][0-9][0-9]_*.txt")]
    # the shipped articles, the two healed, the new one: no number reused
    assert len(numbers) == len(shipped) + 3 and len(set(numbers)) == len(numbers)
    cli_main([*_args(data_copy), "verify"])
    assert "has no entry in sources.json" not in capsys.readouterr().out
    assert not errors(load_project(data_copy).problems)


def test_a_hand_placed_article_without_an_entry_is_not_called_undescribed(data_copy) -> None:
    (data_copy.seeds / "my-notes.txt").write_text("My notes\n\nKosovo leads.\n", encoding="utf-8")
    project = load_project(data_copy)
    assert "my-notes.txt" in project.sources
    assert not [p for p in project.problems if "has no entry in sources.json" in p.message]


def test_an_ingest_refused_for_too_many_pending_proposals_writes_nothing(data_copy, tmp_path, capsys) -> None:
    """Refused when the new proposals file's text is worked out, before any article is written: no article, no
    originals folder for the saved page, no temp file, every project file as it was."""
    from mapview.ingest.proposals import MAX_STATE_BYTES

    live = data_copy.claims.parent / "proposals.json"
    _bulk_proposals(live, MAX_STATE_BYTES - 300, pending_every=1)  # all pending: none can be archived
    page = tmp_path / "page.html"
    page.write_bytes((ROOT / "tests" / "fixtures" / "news_page.html").read_bytes())
    before = _snapshot(data_copy)
    assert cli_main([*_args(data_copy), "ingest", str(page), *_articles(tmp_path)]) != 0
    assert "review some before ingesting more" in capsys.readouterr().err
    assert _snapshot(data_copy) == before
    assert not (data_copy.seeds / "originals").exists()
    assert not [p for p in data_copy.seeds.rglob("*") if p.name.endswith(".tmp")]
