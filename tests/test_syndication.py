from factcheck.records import Sentence
from factcheck.stages.syndication import independent_sources, syndicated_groups


def _sentences(article: str, texts: list[str]) -> list[Sentence]:
    return [Sentence(f"{article}#{i}", article, i, 0, len(t), t) for i, t in enumerate(texts)]


WIRE = [
    "Russian President Vladimir Putin arrived in Beijing on Tuesday.",
    "He is due to meet Xi Jinping on Wednesday, the Kremlin said.",
    "China is hosting representatives from some 130 countries.",
    "Few experts expect major announcements.",
]


def test_light_copy_edits_are_still_copies_and_count_once():
    edited = [WIRE[0].upper(), WIRE[1].replace(",", ""), WIRE[2], "Our correspondent adds a line of her own."]
    other = ["Xi and Putin will meet in Beijing.", "The forum gathers 130 countries.", "Analysts are cautious."]
    sentences = _sentences("afp", WIRE) + _sentences("copy", edited) + _sentences("own", other)
    groups = syndicated_groups(sentences, min_share=0.5)
    assert groups == [("afp", "copy")]
    assert independent_sources(["afp", "copy", "own"], groups) == 2
    assert independent_sources(["own"], groups) == 1


def test_one_shared_sentence_is_not_a_copy():
    other = [WIRE[2], "Xi and Putin will meet in Beijing.", "The forum gathers leaders.", "Analysts are cautious."]
    assert syndicated_groups(_sentences("afp", WIRE) + _sentences("own", other), min_share=0.5) == []


def test_report_counts_copies_as_one_independent_source(fake_embedder, cfg):
    from datetime import date

    from factcheck.pipeline import run_pipeline
    from factcheck.records import Article
    from factcheck.report.facts import report_json

    wire = " ".join(WIRE)
    texts = {
        "afp": wire,
        "copy": wire.replace("Few experts", "Few analysts"),
        "own": "Xi and Putin will meet in Beijing on Wednesday, officials said today.",
    }
    articles = [
        Article(k, k.upper(), "T", None, date(2023, 10, 17), "record", "", f"{k}.txt", v) for k, v in texts.items()
    ]
    doc = report_json(run_pipeline(articles, cfg, fake_embedder, batch="b"))
    assert doc["syndicated"] == [["afp", "copy"]]
    shared = [f for f in doc["facts"] if {"afp", "copy"} <= set(f["articles"])]
    assert shared and all(f["independent_sources"] == len(f["articles"]) - 1 for f in shared)
