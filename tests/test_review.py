import csv
import json
import logging
from pathlib import Path

import openpyxl
import pytest

from factcheck import api
from factcheck.errors import InputError
from factcheck.records import DECISIONS, Decision
from factcheck.report.files import report_json, write_report
from factcheck.report.markdown import render_markdown
from factcheck.report.sheet import HEADERS, safe_cell
from factcheck.review import (
    DECISIONS_FILE,
    append_decisions,
    import_review,
    load_decisions,
    normalise_decision,
    write_review,
)

FLOOD = "the flood in Riverton killed {n} people on Monday, officials in Lakeshire County said."
INJECTIONS = ('=HYPERLINK("http://x","y")', "+1+1", "-2", "@SUM(A1)")


def make_batch(folder: Path, *, with_gamma: bool = True) -> Path:
    """Three outlets on one flood: alpha and beta say 12 dead, gamma says 40 (and carries formula payloads)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "alpha.txt").write_text(
        f"Flood in Riverton\n\n-2 degrees was the temperature when {FLOOD.format(n=12)}\n"
        "Rescue teams from Lakeshire County searched the river banks all night long.\n"
    )
    (folder / "beta.txt").write_text(
        f"Riverton flood\n\n+1+1 was painted on the wall after {FLOOD.format(n=12)}\n"
        "@SUM(A1) is what the mayor of Riverton wrote in Lakeshire County on a board.\n"
    )
    manifest = "file,outlet,url,published,comment\nbeta.txt,+1+1 News,,2023-10-16,\n"
    if with_gamma:
        (folder / "gamma.txt").write_text(
            f'Riverton disaster\n\n=HYPERLINK("http://x","y") The {FLOOD.format(n=40).removeprefix("the ")}\n'
        )
        manifest += "gamma.txt,@SUM(A1),,2023-10-16,\n"
    (folder / "manifest.csv").write_text(manifest)
    return folder


def run(batch: Path, out: Path, cfg, embedder, formats=("md", "json", "review")):
    report = api.analyse([batch], cfg, embedder=embedder)
    decisions = load_decisions(batch)
    paths = write_report(report, out, formats=formats, decisions=decisions, batch_dir=batch)
    return report, decisions, paths


def fill(path: Path, choices: dict[str, tuple[str, str, str]]) -> None:
    """Fill the reviewer's columns of review.xlsx as a reviewer would, and save it."""
    wb = openpyxl.load_workbook(path)
    ws = wb["findings"]
    col = {name: i + 1 for i, name in enumerate(HEADERS)}
    for r in range(2, ws.max_row + 1):
        fid = ws.cell(r, col["finding id"]).value
        if fid in choices:
            decision, note, reviewer = choices[fid]
            ws.cell(r, col["decision"]).value = decision
            ws.cell(r, col["note"]).value = note
            ws.cell(r, col["reviewer"]).value = reviewer
    wb.save(path)


def by_verdict(report, verdict):
    return sorted(f.id for f in report.findings if f.verdict == verdict)


def test_spreadsheet_layout(tmp_path, cfg, fake_embedder):
    batch = make_batch(tmp_path / "b")
    report, _, paths = run(batch, tmp_path / "out", cfg, fake_embedder)
    assert [p.name for p in paths] == ["report.md", "facts.json", "review.xlsx", "review.csv"]
    wb = openpyxl.load_workbook(tmp_path / "out" / "review.xlsx")
    ws = wb["findings"]
    assert [c.value for c in ws[1]] == list(HEADERS)
    assert ws.max_row == len(report.findings) + 1
    assert ws.freeze_panes == "C2"
    assert ws.auto_filter.ref.startswith("A1:")
    (validation,) = ws.data_validations.dataValidation
    assert validation.type == "list" and all(d in validation.formula1 for d in DECISIONS)
    assert "P2" in str(validation.sqref)  # the decision column
    assert ws.column_dimensions["I"].width == 60  # sentence A is readable
    row2 = dict(zip(HEADERS, ws[2], strict=True))
    assert row2["verdict"].value == "contradict"  # most serious first
    assert row2["verdict"].fill.fgColor.rgb.endswith("FFC7CE")
    assert row2["slot"].value == "quantity · people · killed"
    assert {row2["value A"].value, row2["value B"].value} == {"12 people", "40 people"}
    assert "Riverton" in row2["sentence A"].value and row2["sentence A"].alignment.wrap_text
    meta = wb["_meta"]
    assert meta.sheet_state == "hidden"
    pairs = [(r[0].value, r[1].value) for r in meta.iter_rows()]
    assert ("schema", "factcheck.review/1") in pairs
    assert ("batch_dir", str(batch.resolve())) in pairs
    assert sorted(v for k, v in pairs if k == "finding") == sorted(f.id for f in report.findings)
    with open(tmp_path / "out" / "review.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == list(HEADERS) and len(rows) == len(report.findings) + 1


def test_formula_injection_ends_as_text(tmp_path, cfg, fake_embedder):
    batch = make_batch(tmp_path / "b")
    run(batch, tmp_path / "out", cfg, fake_embedder)
    wb = openpyxl.load_workbook(tmp_path / "out" / "review.xlsx")
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
    texts = [c.value for c in cells if isinstance(c.value, str)]
    for payload in INJECTIONS:
        hits = [t for t in texts if t.lstrip("'").startswith(payload)]
        assert hits, payload  # the payload really reached a cell ...
        assert all(t.startswith("'") for t in hits), hits  # ... and cannot run there
    quoted = [c for c in cells if isinstance(c.value, str) and c.value.startswith("'=HYPERLINK")]
    assert quoted and all(c.quotePrefix for c in quoted)
    with open(tmp_path / "out" / "review.csv", encoding="utf-8-sig", newline="") as f:
        fields = [v for row in csv.reader(f) for v in row]
    assert not [v for v in fields if v[:1] in ("=", "+", "-", "@", "\t", "\r")]
    for payload in INJECTIONS:
        assert any(v.startswith("'" + payload) for v in fields), payload


def test_safe_cell():
    assert safe_cell("=1+1") == "'=1+1"
    assert safe_cell("\tx") == "'\tx"
    assert safe_cell("plain = text") == "plain = text"
    assert safe_cell("a\x00b") == "a\ufffdb"  # XLSX cannot hold NUL
    assert len(safe_cell("x" * 100_000)) == 32_000


def test_round_trip_decisions_reach_every_report(tmp_path, cfg, fake_embedder):
    batch = make_batch(tmp_path / "b")
    out = tmp_path / "out"
    report, _, _ = run(batch, out, cfg, fake_embedder)
    contra = by_verdict(report, "contradict")
    agree = by_verdict(report, "agree")
    # one contradiction between the group of outlets giving one value and the other (#14: groups, not pairs)
    assert len(contra) == 1 and len(agree) >= 2
    contra = [contra[0], agree[1]]
    agree = agree[:1]
    fill(
        out / "review.xlsx",
        {
            contra[0]: ("False Alarm", "=gamma misprint", "ann"),  # case and a formula-looking note
            contra[1]: ("needs follow-up", "", "bob"),
            agree[0]: ("confirmed", "", ""),
        },
    )
    result = import_review(out / "review.xlsx")
    assert result.decisions_file == batch / DECISIONS_FILE
    assert sorted(d.finding_id for d in result.added) == sorted([contra[0], contra[1], agree[0]])
    assert (result.changed, result.unchanged, result.stale) == ((), 0, ())
    decisions = load_decisions(batch)
    assert decisions[contra[0]].decision == "false alarm" and decisions[contra[0]].note == "=gamma misprint"
    assert decisions[contra[0]].fact_id == next(f.fact_id for f in report.findings if f.id == contra[0])

    # importing the same sheet again changes nothing
    again = import_review(out / "review.xlsx")
    assert (again.added, again.changed, again.unchanged) == ((), (), 3)
    assert len((batch / DECISIONS_FILE).read_text().splitlines()) == 3

    report2, decisions2, _ = run(batch, out, cfg, fake_embedder)
    doc = report_json(report2, decisions2)
    shown = {f["id"]: f["decision"] for fact in doc["facts"] for f in fact["findings"]}
    assert shown[contra[0]]["decision"] == "false alarm" and shown[contra[0]]["reviewer"] == "ann"
    assert shown[contra[1]]["decision"] == "needs follow-up"
    assert sum(1 for d in shown.values() if d is None) == len(shown) - 3
    assert json.loads((out / "facts.json").read_text())["stale_decisions"] == []
    md = (out / "report.md").read_text()
    assert "reviewer: **false alarm** by ann (=gamma misprint)" in md
    assert "Stale reviewer decisions" not in md
    # the new spreadsheet carries the decisions, and no review.new was needed
    assert not (out / "review.new.xlsx").exists()
    ws = openpyxl.load_workbook(out / "review.xlsx")["findings"]
    col = {name: i for i, name in enumerate(HEADERS)}
    carried = {r[col["finding id"]]: r[col["decision"]] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert carried[contra[0]] == "false alarm" and carried[agree[0]] == "confirmed"


def test_csv_round_trip_and_change(tmp_path, cfg, fake_embedder):
    batch = make_batch(tmp_path / "b")
    out = tmp_path / "out"
    report, _, _ = run(batch, out, cfg, fake_embedder)
    contra = by_verdict(report, "contradict")
    append_decisions(batch / DECISIONS_FILE, [Decision(contra[0], "F", "confirmed")])
    path = out / "review.csv"
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    col = {name: i for i, name in enumerate(HEADERS)}
    for row in rows[1:]:
        if row[col["finding id"]] == contra[0]:
            row[col["decision"]], row[col["note"]] = "false_alarm", "'-2 is the temperature"
    with open(path, "w", encoding="cp1252", newline="") as f:  # as a spreadsheet program might save it
        csv.writer(f, delimiter=";").writerows(rows)
    result = import_review(path)  # batch folder found through review.xlsx beside it
    assert [d.finding_id for d in result.changed] == [contra[0]]
    assert load_decisions(batch)[contra[0]].note == "-2 is the temperature"  # our apostrophe removed
    assert len((batch / DECISIONS_FILE).read_text().splitlines()) == 2  # appended, never rewritten


def test_unknown_decision_is_a_clear_error(tmp_path, cfg, fake_embedder):
    batch = make_batch(tmp_path / "b")
    report, _, _ = run(batch, tmp_path / "out", cfg, fake_embedder)
    fill(tmp_path / "out" / "review.xlsx", {report.findings[0].id: ("maybe", "", "")})
    with pytest.raises(InputError, match=r"review\.xlsx row \d+: unknown decision 'maybe'; use one of confirmed"):
        import_review(tmp_path / "out" / "review.xlsx")
    assert not (batch / DECISIONS_FILE).exists()


def test_note_without_decision_and_bad_files(tmp_path, cfg, fake_embedder):
    batch = make_batch(tmp_path / "b")
    report, _, _ = run(batch, tmp_path / "out", cfg, fake_embedder)
    fill(tmp_path / "out" / "review.xlsx", {report.findings[0].id: (None, "check this", "ann")})
    with pytest.raises(InputError, match="note or reviewer without a decision"):
        import_review(tmp_path / "out" / "review.xlsx")
    (tmp_path / "x.ods").write_text("")
    with pytest.raises(InputError, match=r"x\.ods: not a review spreadsheet"):
        import_review(tmp_path / "x.ods")
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    with pytest.raises(InputError, match=r"broken\.xlsx: cannot read spreadsheet"):
        import_review(tmp_path / "broken.xlsx")
    lone = tmp_path / "lone" / "review.csv"
    lone.parent.mkdir()
    lone.write_text(",".join(HEADERS) + "\n")
    with pytest.raises(InputError, match="pass --batch DIR"):
        import_review(lone)
    assert import_review(lone, batch_dir=batch).added == ()


def test_bad_decisions_file_line_is_named(tmp_path):
    path = tmp_path / DECISIONS_FILE
    path.write_text(
        '{"finding_id": "R1", "fact_id": "F1", "decision": "confirmed"}\n{"finding_id": "R2", "decision": "yes"}\n'
    )
    with pytest.raises(InputError, match=rf"{DECISIONS_FILE} line 2: unknown decision 'yes'"):
        load_decisions(tmp_path)
    path.write_text("{not json\n")
    with pytest.raises(InputError, match="line 1: not JSON"):
        load_decisions(tmp_path)


def test_append_never_glues_onto_a_torn_line(tmp_path):
    path = tmp_path / DECISIONS_FILE
    append_decisions(path, [Decision("R1", "F1", "confirmed")])
    with open(path, "a") as f:
        f.write('{"finding_id": "R2", "deci')  # a write cut short by a kill
    append_decisions(path, [Decision("R3", "F1", "false alarm", "note", "ann")])
    lines = path.read_text().splitlines()
    # the torn fragment never was a decision: it is cut off, not glued to nor left in the middle (#12)
    assert [json.loads(line)["finding_id"] for line in lines] == ["R1", "R3"]
    assert set(load_decisions(tmp_path)) == {"R1", "R3"}


def test_torn_last_line_is_accepted_with_a_warning(tmp_path, caplog):
    # issue #12: a decisions file whose last line was torn by a kill blocked every later run
    path = tmp_path / DECISIONS_FILE
    append_decisions(path, [Decision("R1", "F1", "confirmed")])
    with open(path, "a") as f:
        f.write('{"finding_id": "R2", "deci')
    with caplog.at_level(logging.WARNING, logger="factcheck"):
        assert set(load_decisions(tmp_path)) == {"R1"}
    (message,) = [r.getMessage() for r in caplog.records]
    assert DECISIONS_FILE in message and "line 2: torn last line" in message


def test_whole_last_record_without_newline_is_kept_and_ended(tmp_path):
    path = tmp_path / DECISIONS_FILE
    path.write_text('{"finding_id": "R1", "fact_id": "F1", "decision": "confirmed"}')
    assert load_decisions(tmp_path)["R1"].decision == "confirmed"
    append_decisions(path, [Decision("R2", "F1", "false alarm")])
    assert [json.loads(line)["finding_id"] for line in path.read_text().splitlines()] == ["R1", "R2"]


def test_torn_line_in_the_middle_is_an_error(tmp_path):
    path = tmp_path / DECISIONS_FILE
    path.write_text('{"finding_id": "R1", "deci\n{"finding_id": "R2", "fact_id": "F1", "decision": "confirmed"}\n')
    with pytest.raises(InputError, match=rf"{DECISIONS_FILE} line 1: not JSON"):
        load_decisions(tmp_path)


# --- a doctored spreadsheet must not choose where decisions are written (#12) -------------------------


def doctor(path: Path, **meta: str) -> None:
    """Rewrite keys of the hidden _meta sheet, as anyone holding the returned spreadsheet can."""
    wb = openpyxl.load_workbook(path)
    ws = wb["_meta"]
    for row in ws.iter_rows():
        if row[0].value in meta:
            row[1].value = meta[row[0].value]
    wb.save(path)


def reviewed(tmp_path, cfg, fake_embedder):
    """A batch, its reports and a review.xlsx with one decision filled in."""
    batch = make_batch(tmp_path / "b")
    out = tmp_path / "out"
    report, _, _ = run(batch, out, cfg, fake_embedder)
    fid = by_verdict(report, "contradict")[0]
    fill(out / "review.xlsx", {fid: ("false alarm", 'x; alias ls="rm -rf ~"', "mallory")})
    return batch, out, fid


@pytest.fixture
def home(tmp_path, monkeypatch):
    folder = tmp_path / "home"
    folder.mkdir()
    (folder / ".bash_aliases").write_text("alias ll='ls -l'\n")
    monkeypatch.setenv("HOME", str(folder))
    return folder


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_doctored_sheet_cannot_write_into_home(tmp_path, cfg, fake_embedder, home, suffix):
    batch, out, _ = reviewed(tmp_path, cfg, fake_embedder)
    doctor(out / "review.xlsx", batch_dir=str(home), decisions_file=".bash_aliases")
    before = sorted(p.name for p in home.iterdir())
    with pytest.raises(InputError, match="not importing without --batch: it was written for batch folder"):
        import_review(out / f"review{suffix}")
    assert (home / ".bash_aliases").read_text() == "alias ll='ls -l'\n"
    assert sorted(p.name for p in home.iterdir()) == before
    assert not (batch / DECISIONS_FILE).exists()


@pytest.mark.parametrize("name", [".bash_aliases", "~/.bash_aliases", "../../x", "/tmp/x"])
def test_decisions_file_name_never_comes_from_the_sheet(tmp_path, cfg, fake_embedder, home, name, caplog):
    batch, out, _ = reviewed(tmp_path, cfg, fake_embedder)
    doctor(out / "review.xlsx", decisions_file=name)
    with caplog.at_level(logging.WARNING, logger="factcheck"):
        result = import_review(out / "review.xlsx")
    assert result.decisions_file == batch.resolve() / DECISIONS_FILE
    assert sorted(p.name for p in batch.iterdir() if p.suffix != ".txt") == [DECISIONS_FILE, "manifest.csv"]
    assert (home / ".bash_aliases").read_text() == "alias ll='ls -l'\n"
    assert not (tmp_path / "x").exists()
    assert any("using 'factcheck-decisions.jsonl' from the settings" in r.getMessage() for r in caplog.records)


def test_decisions_file_name_comes_from_the_settings(tmp_path, cfg, fake_embedder):
    batch, out, fid = reviewed(tmp_path, cfg, fake_embedder)
    result = import_review(out / "review.xlsx", decisions_file="decisions.jsonl")
    assert result.decisions_file == batch.resolve() / "decisions.jsonl" and fid in load_decisions(
        batch, name="decisions.jsonl"
    )
    with pytest.raises(InputError, match="must be a plain file name"):
        import_review(out / "review.xlsx", decisions_file="../x.jsonl")


@pytest.mark.parametrize(
    "recorded",
    ["../../x", "~", "{home}", "{home}/b", "{tmp}/other/b"],
    ids=["relative", "tilde", "home", "home-named-like-the-batch", "a-copy-without-the-articles"],
)
def test_doctored_batch_folder_is_refused(tmp_path, cfg, fake_embedder, home, recorded):
    batch, out, _ = reviewed(tmp_path, cfg, fake_embedder)
    folder = recorded.format(home=home, tmp=tmp_path)
    if "{" in recorded:
        Path(folder).mkdir(parents=True, exist_ok=True)
    doctor(out / "review.xlsx", batch_dir=folder)
    with pytest.raises(InputError, match=r"review\.xlsx: not importing without --batch: .*; pass --batch DIR"):
        import_review(out / "review.xlsx")
    assert not list(tmp_path.rglob(DECISIONS_FILE))
    # --batch is the way through, and then the sheet's folder is never looked at
    result = import_review(out / "review.xlsx", batch_dir=batch)
    assert result.decisions_file == batch / DECISIONS_FILE and result.added


def test_sheet_away_from_its_report_needs_batch(tmp_path, cfg, fake_embedder):
    batch, out, _ = reviewed(tmp_path, cfg, fake_embedder)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    (downloads / "review.xlsx").write_bytes((out / "review.xlsx").read_bytes())
    with pytest.raises(InputError, match=r"there is no batch record or facts\.json beside it"):
        import_review(downloads / "review.xlsx")
    assert import_review(downloads / "review.xlsx", batch_dir=batch).added


def test_sheet_of_another_run_needs_batch(tmp_path, cfg, fake_embedder):
    _, out, fid = reviewed(tmp_path, cfg, fake_embedder)
    record = out / ".review.batch.json"
    doc = json.loads(record.read_text())
    record.write_text(json.dumps({**doc, "findings": [f for f in doc["findings"] if f != fid]}))
    with pytest.raises(InputError, match=rf"finding {fid} is not in \.review\.batch\.json beside it"):
        import_review(out / "review.xlsx")


def test_report_folder_without_batch_record_checks_facts_json(tmp_path, cfg, fake_embedder, home):
    # a report folder written before the batch record existed: facts.json is the evidence
    batch, out, fid = reviewed(tmp_path, cfg, fake_embedder)
    (out / ".review.batch.json").unlink()
    assert import_review(out / "review.xlsx").decisions_file == batch.resolve() / DECISIONS_FILE
    doctor(out / "review.xlsx", batch_dir=str(home))
    with pytest.raises(InputError, match=r"facts\.json beside it is the report of batch 'b', not of"):
        import_review(out / "review.xlsx")
    doctor(out / "review.xlsx", batch_dir=str(batch.resolve()))
    facts = json.loads((out / "facts.json").read_text())
    for fact in facts["facts"]:
        fact["findings"] = [f for f in fact["findings"] if f["id"] != fid]
    (out / "facts.json").write_text(json.dumps(facts))
    with pytest.raises(InputError, match=rf"finding {fid} is not in facts\.json beside it"):
        import_review(out / "review.xlsx")


def test_normalise_decision():
    assert normalise_decision(" Needs_Follow-up ") == "needs follow-up"
    assert normalise_decision("nope") is None


def test_latest_decision_per_finding_wins(tmp_path):
    path = tmp_path / DECISIONS_FILE
    append_decisions(path, [Decision("R1", "F1", "confirmed"), Decision("R1", "F1", "false alarm", "typo")])
    assert load_decisions(tmp_path)["R1"].decision == "false alarm"


def test_disappearing_finding_becomes_stale(tmp_path, cfg, fake_embedder):
    batch = make_batch(tmp_path / "b")
    out = tmp_path / "out"
    report, _, _ = run(batch, out, cfg, fake_embedder)
    contra = by_verdict(report, "contradict")
    fill(out / "review.xlsx", {contra[0]: ("confirmed", "gamma is wrong", "ann")})
    import_review(out / "review.xlsx")
    (batch / "gamma.txt").unlink()  # the contradicting article is withdrawn
    report2, decisions, _ = run(batch, out, cfg, fake_embedder)
    assert contra[0] not in {f.id for f in report2.findings}
    assert contra[0] in load_decisions(batch)  # kept, not dropped
    stale = json.loads((out / "facts.json").read_text())["stale_decisions"]
    assert [d["finding"] for d in stale] == [contra[0]] and stale[0]["note"] == "gamma is wrong"
    md = render_markdown(report2, decisions)
    assert "## Stale reviewer decisions" in md and contra[0] in md.split("## Stale reviewer decisions")[1]
    # importing the new spreadsheet reports the decision as stale
    result = import_review(out / "review.xlsx")
    assert [d.finding_id for d in result.stale] == [contra[0]]


def test_unimported_decisions_are_never_overwritten(tmp_path, cfg, fake_embedder, caplog):
    batch = make_batch(tmp_path / "b")
    out = tmp_path / "out"
    report, _, _ = run(batch, out, cfg, fake_embedder)
    fid = by_verdict(report, "contradict")[0]
    fill(out / "review.xlsx", {fid: ("confirmed", "checked with the agency", "ann")})
    before = (out / "review.xlsx").read_bytes()
    with caplog.at_level(logging.WARNING, logger="factcheck"):
        _, _, paths = run(batch, out, cfg, fake_embedder)
    assert (out / "review.xlsx").read_bytes() == before
    assert [p.name for p in paths[-2:]] == ["review.new.xlsx", "review.new.csv"]
    (message,) = [r.getMessage() for r in caplog.records if "not yet imported" in r.getMessage()]
    assert "review.xlsx" in message and "review.new.xlsx" in message
    # a second run keeps both: review.new.xlsx has no reviewer edits, so it is simply rewritten
    _, _, paths = run(batch, out, cfg, fake_embedder)
    assert paths[-2].name == "review.new.xlsx" and (out / "review.xlsx").read_bytes() == before
    # once imported, review.xlsx is rewritten in place again, carrying the decision
    import_review(out / "review.xlsx")
    _, _, paths = run(batch, out, cfg, fake_embedder)
    assert paths[-2].name == "review.xlsx"
    ws = openpyxl.load_workbook(out / "review.xlsx")["findings"]
    notes = [r[HEADERS.index("note")] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert "checked with the agency" in notes


@pytest.mark.slow
def test_seed_review_has_one_row_per_finding(seed_report, tmp_path):
    paths = write_review(seed_report, tmp_path, {}, batch_dir=None)
    ws = openpyxl.load_workbook(paths[0])["findings"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(seed_report.findings)
    col = {name: i for i, name in enumerate(HEADERS)}
    assert all(r[col["slot"]] and r[col["outlet A"]] and r[col["sentence B"]] for r in rows)
    with_claims = [r for r in rows if r[col["slot"]] != "statement"]
    assert with_claims and all(r[col["value A"]] and r[col["value B"]] for r in with_claims)
    assert rows[0][HEADERS.index("verdict")] == "contradict"
