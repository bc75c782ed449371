"""The saved map view behind ``export --extent current``: per user, per project, damaged files said and replaced."""

from __future__ import annotations

import json

import pytest

from mapview.cli import main as cli_main
from mapview.data.viewfile import load_view_extent, save_view_extent, views_file


def test_views_are_kept_per_project_and_a_damaged_file_is_named_then_replaced(tmp_path, capsys, data_copy) -> None:
    other = tmp_path / "other" / "claims.json"
    save_view_extent(data_copy.claims, (34.3, 31.3, 34.4, 31.4))
    save_view_extent(other, (34.2, 31.2, 34.5, 31.5))
    assert load_view_extent(data_copy.claims) == (34.3, 31.3, 34.4, 31.4)
    assert load_view_extent(other) == (34.2, 31.2, 34.5, 31.5)
    views_file().write_text("{not json", encoding="utf-8")
    data = ["--sectors", str(data_copy.sectors), "--claims", str(data_copy.claims), "--seeds", str(data_copy.seeds)]
    assert cli_main([*data, "export", str(tmp_path / "x.png"), "--extent", "current"]) == 2
    err = capsys.readouterr().err
    assert str(views_file()) in err and "delete it" in err and "Traceback" not in err
    save_view_extent(data_copy.claims, (34.25, 31.22, 34.40, 31.36))  # the window's next save replaces it
    assert load_view_extent(data_copy.claims) == (34.25, 31.22, 34.40, 31.36)
    damaged = {"views": {str(data_copy.claims.resolve()): {"extent": [1, 2, "x", 4]}}}
    views_file().write_text(json.dumps(damaged), encoding="utf-8")
    with pytest.raises(ValueError, match="not valid"):
        load_view_extent(data_copy.claims)
