"""The optional language-model backend (extract/llm.py, llm_schema.py, llm_gates.py), against a stub
server on 127.0.0.1 that replays recorded chat-completions answers (tests/fixtures/llm/*.json)
for the seed article: accepted proposals carry exact quotes and candidate entities, refused ones
their reasons; the request carries the model, the schema and the text; failures are clear errors;
and without REGKG_EXTRACT_LLM_URL nothing is asked."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from cli.main import app as cli
from config import Settings
from extract import LlmBackend, load_meta, propose
from extract.llm_gates import Gates, Refused
from extract.llm_schema import PROPOSABLE, claims_schema, system_prompt
from schema.errors import UpstreamError
from schema.models import Entity
from schema.ontology import EntityType, Method, Predicate

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = ROOT / "fixtures" / "llm"
SEED = ROOT / "fixtures" / "articles" / "seed-safetydetectives-kaspersky"
TEXT = SEED.with_suffix(".txt").read_text(encoding="utf-8")

# what the gates say of each refused proposal of seed-claims.json, by (subject predicate object)
REFUSED = {
    "US Department of Commerce considering-action-against Kaspersky Lab": "unknown stance 'rumored'",
    "Kaspersky Lab coordinated-with Federal Security Service": "unknown predicate 'coordinated-with'",
    "Kaspersky Lab investigated-by National Security Agency": (
        "object id agency:us-nsa is not in the reference registry"
    ),
    "Russia listed-on Kaspersky Lab": (
        "listed-on does not take a Country subject and a Firm object "
        "(subjects: Firm, Product, Person, Organization, Asset; objects: List)"
    ),
    "Kaspersky Lab sanctioned-by Office of Foreign Assets Control": "quote not found in the text",
    "Kaspersky Lab alleged-tie-to Kaspersky": "subject and object are the same entity (firm:kaspersky-lab)",
}


class Stub:
    """An OpenAI-compatible endpoint that answers each POST with the next queued answer."""

    def __init__(self) -> None:
        self.url = ""
        self.requests: list[dict[str, Any]] = []
        self.answers: list[tuple[int, bytes]] = []
        self.delay = 0.0

    def replay(self, name: str) -> Stub:
        self.answers.append((200, (ANSWERS / name).read_bytes()))
        return self

    def reply(self, status: int, body: bytes) -> Stub:
        self.answers.append((status, body))
        return self

    def backend(self, **kw: Any) -> LlmBackend:
        return LlmBackend(self.url, **{"model": "qwen2.5-7b-instruct", **kw})


@pytest.fixture
def stub() -> Iterator[Stub]:
    stub = Stub()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the http.server name
            raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            stub.requests.append({"path": self.path, "headers": dict(self.headers), "body": json.loads(raw)})
            time.sleep(stub.delay)
            status, body = stub.answers.pop(0) if stub.answers else (500, b'{"error": "no recorded answer"}')
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    stub.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield stub
    finally:
        server.shutdown()
        server.server_close()


def seed_with(backend: LlmBackend | None) -> Any:
    return propose(SEED.with_suffix(".txt").read_bytes(), load_meta(SEED.with_suffix(".meta.yaml")), llm=backend)


def summary(proposal: dict[str, Any]) -> str:
    return f"{proposal['subject']['name']} {proposal['predicate']} {proposal['object']['name']}"


# -- through the stub ---------------------------------------------------------------------


def test_off_by_default_nothing_is_asked(stub: Stub, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REGKG_EXTRACT_LLM_URL", raising=False)
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.extract_llm_url is None and LlmBackend.from_settings(settings) is None
    proposal = seed_with(LlmBackend.from_settings(settings))
    assert stub.requests == [] and proposal.rejected == ()
    assert all("extractor" not in c.qualifiers for c in proposal.parsed.claims)
    assert not any(n.startswith("language model") for n in proposal.parsed.notes)


def test_the_request_names_the_model_the_schema_and_the_text(stub: Stub) -> None:
    stub.replay("seed-claims.json").replay("seed-claims.json")
    seed_with(stub.backend(key="sk-local"))
    seed_with(LlmBackend(stub.url + "/v1/", model="other"))
    first, second = stub.requests
    assert first["path"] == second["path"] == "/v1/chat/completions"
    body = first["body"]
    assert body["model"] == "qwen2.5-7b-instruct" and second["body"]["model"] == "other"
    assert body["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": "regkg_claims", "schema": claims_schema()},
    }
    system, user = body["messages"]
    assert system == {"role": "system", "content": system_prompt()}
    assert user["role"] == "user" and TEXT in user["content"]
    assert (
        "- listed-on: the subject is named on the list. Subject: Firm, Product, Person, Organization, Asset; "
        "object: List" in system["content"]
    )
    assert "- agency:us-bis: Bureau of Industry and Security" in system["content"]
    assert first["headers"]["Authorization"] == "Bearer sk-local"
    assert "Authorization" not in second["headers"]


def test_accepted_proposals_carry_exact_quotes_and_candidate_entities(stub: Stub) -> None:
    rules = seed_with(None).parsed
    proposal = seed_with(stub.replay("seed-claims.json").backend())
    parsed = proposal.parsed
    for claim in parsed.claims:
        assert claim.method is Method.EXTRACTED
        for cite in claim.citations:
            assert TEXT[cite.start : cite.end] == cite.quote
    by_triple = {(c.subject, c.predicate.value, c.object): c for c in parsed.claims}
    # agreeing with a rule: the rule's claim gains the model's citation (its exact original slice:
    # a curly apostrophe where the model wrote a straight one) and the higher confidence
    ban = by_triple["firm:kaspersky-lab", "banned-by", "country:us"]
    assert ban.valid_from == "2017" and ban.qualifiers == {} and ban.confidence == 0.9
    assert [c.quote for c in ban.citations][1] == "the US banned Kaspersky\u2019s use on a federal level back in 2017"
    assert (ban.citations[1].start, ban.citations[1].end) == (545, 606)
    # only the model: the qualifier extractor: llm, and a new entity marked candidate
    law = "law:bill-that-would-let-the-white-house-ban-tik-tok"
    only = [c for c in parsed.claims if c.qualifiers.get("extractor") == "llm"]
    assert len(parsed.claims) == len(rules.claims) + len(only)
    assert {(c.subject, c.predicate.value, c.object, c.stance.value) for c in only} >= {
        (law, "proposed-by", "organization:us-congress", "proposed"),
        (law, "targets", "product:tiktok", "proposed"),  # "Tik Tok" is the built-in product's alias
    }
    proposed_by = next(c for c in only if c.predicate is Predicate.PROPOSED_BY)
    assert proposed_by.citations[0].quote.startswith("legislatures\u2019 attempts at introducing a bill")
    entities = {e.id: e for e in parsed.entities}
    assert entities[law].candidate and entities[law].type is EntityType.LAW
    assert not entities["organization:us-congress"].candidate
    assert entities["firm:kaspersky-lab"].candidate  # the model's "Kaspersky Lab" is the rules' entity
    assert "organization:us-congress" not in {e.id for e in rules.entities}
    note = f"14 proposals, 8 accepted ({8 - len(only)} agreeing with a rule's claim), 6 rejected"
    assert any(note in n for n in parsed.notes)
    draft = proposal.curated_yaml()
    assert "extractor: llm" in draft and "candidate: true" in draft


def test_refused_proposals_carry_their_reasons(stub: Stub) -> None:
    proposal = seed_with(stub.replay("seed-claims.json").backend())
    assert {summary(r.proposal): r.reason for r in proposal.rejected} == REFUSED
    assert len(proposal.rejected) == len(REFUSED)
    notes = proposal.parsed.notes
    assert (
        "rejected proposal (Kaspersky Lab sanctioned-by Office of Foreign Assets Control): quote not found "
        "in the text" in notes
    )
    refused_ids = {"agency:us-nsa", "agency:us-ofac"}
    assert not refused_ids & {e.id for e in proposal.parsed.entities}


def test_an_answer_in_prose_and_a_code_fence_is_read(stub: Stub) -> None:
    proposal = seed_with(stub.replay("seed-fenced.json").backend())
    assert proposal.rejected == ()
    assert any(c.qualifiers.get("extractor") == "llm" for c in proposal.parsed.claims)


@pytest.mark.parametrize(
    ("status", "answer", "message"),
    [
        (200, "refusal.json", 'answered no JSON object with a "claims" list: I\'m sorry'),
        (200, "truncated.json", "(the answer was cut off: finish_reason length)"),
        (200, b"<html>Bad Gateway</html>", "answered something that is not JSON: <html>Bad Gateway</html>"),
        (200, b'{"object": "error"}', "answered JSON that is not a chat completion"),
        (500, b'{"error": {"message": "model not loaded"}}', 'answered HTTP 500: {"error": {"message": "model'),
    ],
)
def test_an_unreadable_answer_is_a_clear_error(stub: Stub, status: int, answer: str | bytes, message: str) -> None:
    if isinstance(answer, str):
        stub.replay(answer)
    else:
        stub.reply(status, answer)
    with pytest.raises(UpstreamError, match="the extractor's language model") as info:
        seed_with(stub.backend())
    assert message in info.value.message and info.value.status == 502


def test_a_server_that_is_down_or_slow_is_a_clear_error(stub: Stub) -> None:
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(UpstreamError, match=r"^cannot reach the extractor's language model \(REGKG_EXTRACT_LLM_URL\)"):
        seed_with(LlmBackend(f"http://127.0.0.1:{port}"))
    stub.delay = 1.0
    with pytest.raises(UpstreamError, match="did not answer within 0.2 s"):
        seed_with(stub.replay("seed-claims.json").backend(timeout=0.2))


def test_garbage_is_refused_before_anything_is_asked(stub: Stub) -> None:
    with pytest.raises(Exception, match="binary"):
        propose(b"\x00\x01\x02 binary", llm=stub.backend())
    assert stub.requests == []


# -- the backend's configuration ----------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "endpoint"),
    [
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080/v1/chat/completions"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/v1/chat/completions"),
        ("http://127.0.0.1:8080/v1", "http://127.0.0.1:8080/v1/chat/completions"),
        ("https://llm.example/api/v1/", "https://llm.example/api/v1/chat/completions"),
        ("http://h:1/v1/chat/completions", "http://h:1/v1/chat/completions"),
    ],
)
def test_the_url_is_taken_with_or_without_v1(url: str, endpoint: str) -> None:
    assert LlmBackend(url).endpoint == endpoint


def test_settings_configure_the_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REGKG_EXTRACT_LLM_URL", "http://127.0.0.1:11434/v1")
    monkeypatch.setenv("REGKG_EXTRACT_LLM_MODEL", "qwen2.5:7b")
    monkeypatch.setenv("REGKG_EXTRACT_LLM_TIMEOUT", "12.5")
    monkeypatch.setenv("REGKG_EXTRACT_LLM_KEY", "sk-secret")
    backend = LlmBackend.from_settings(Settings(_env_file=None))  # type: ignore[call-arg]
    assert backend == LlmBackend("http://127.0.0.1:11434/v1", "qwen2.5:7b", 12.5, "sk-secret")
    assert "sk-secret" not in repr(backend) and backend.label == "qwen2.5:7b at http://127.0.0.1:11434"
    monkeypatch.setenv("REGKG_EXTRACT_LLM_URL", "  ")
    assert LlmBackend.from_settings(Settings(_env_file=None)) is None  # type: ignore[call-arg]
    with pytest.raises(ValueError, match="http"):
        Settings(extract_llm_url="ftp://host/")


# -- the gates, without a server ----------------------------------------------------------

SHORT = "Regulators said Acme Widgets  was \u201cbanned\u201d by the FCC. Acme Widgets was banned by the FCC."


def ref(name: str, type_: str, id_: str | None = None) -> dict[str, Any]:
    return {"name": name, "type": type_, **({"id": id_} if id_ else {})}


def gate(proposal: dict[str, Any], known: list[Entity] | None = None) -> Any:
    return Gates(SHORT, "source:short", known or []).claim(proposal)


BAN = {
    "subject": ref("Acme Widgets", "Firm"),
    "predicate": "banned-by",
    "object": ref("Federal Communications Commission", "Agency", "agency:us-fcc"),
    "stance": "asserted",
}


def test_a_quote_matches_across_curly_quotes_and_white_space_and_keeps_the_original() -> None:
    claim = gate({**BAN, "quote": 'Acme Widgets was "banned" by the FCC.'})
    [cite] = claim.citations
    assert (cite.start, cite.end) == (16, 54)  # the first occurrence: two spaces, curly quotes in the text
    assert cite.quote == SHORT[16:54] == "Acme Widgets  was \u201cbanned\u201d by the FCC."
    assert claim.subject == "firm:acme-widgets" and claim.object == "agency:us-fcc"
    assert claim.qualifiers == {"extractor": "llm"} and claim.confidence == 0.5


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"quote": "Acme was banned by the FCC."}, "quote not found in the text"),
        ({"quote": "  "}, "no quote"),
        ({"predicate": "same-as"}, "predicate same-as is not one the extractor proposes from a text"),
        ({"predicate": "banned_by"}, "unknown predicate 'banned_by'"),
        ({"stance": "likely"}, "unknown stance 'likely'"),
        ({"subject": ref("Acme Widgets", "Company")}, "subject type 'Company' is not one of Firm, Agency"),
        ({"subject": ref("Acme Widgets", "Record")}, "subject type 'Record' is not one of"),
        ({"subject": {"type": "Firm"}}, "subject has no name"),
        ({"subject": "Acme Widgets"}, "subject must be an object with a name and a type"),
        ({"object": ref("FCC", "Agency", "agency:fcc-usa")}, "object id agency:fcc-usa is not in the reference"),
        ({"object": ref("FCC", "Country", "country:xx")}, "object id country:xx is not in the reference registry"),
        ({"object": ref("Acme Widgets", "Firm")}, "subject and object are the same entity (firm:acme-widgets)"),
        ({"object": ref("Acme Widgets Inc", "Firm")}, "banned-by does not take a Firm subject and a Firm object"),
        ({"valid_from": "May 2019"}, "valid_from: 'May 2019' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"valid_from": "2020", "valid_to": "2019"}, "valid_to 2019 is before valid_from 2020"),
        ({"asserted_by": ref("X", "Agency", "agency:nowhere")}, "asserted_by id agency:nowhere is not in the"),
    ],
)
def test_each_gate_refuses_with_its_reason(change: dict[str, Any], reason: str) -> None:
    proposal = {**BAN, "quote": "Acme Widgets was banned by the FCC.", **change}
    with pytest.raises(Refused) as info:
        gate(proposal)
    assert info.value.reason.startswith(reason), info.value.reason


def test_entities_resolve_by_id_or_name_before_they_are_new() -> None:
    known = Entity(id="firm:acme", type=EntityType.FIRM, name="Acme Widgets", aliases=("Acme",))
    claim = gate({**BAN, "subject": ref("Acme", "Firm", "firm:acme"), "quote": "banned by the FCC"}, [known])
    assert claim.subject == "firm:acme"
    by_name = gate({**BAN, "quote": "banned by the FCC", "object": ref("FCC", "Agency")}, [known])
    assert (by_name.subject, by_name.object) == ("firm:acme", "agency:us-fcc")  # names and aliases
    # a made-up id without a registry prefix: the name decides, as the rules would name it
    new = gate({**BAN, "subject": ref("Acme Widgets", "firm", "firm:acme-widgets-llc"), "quote": "FCC"})
    assert new.subject == "firm:acme-widgets"
    # the resolved entity's type is what the predicate checks: the registry's FCC is an Agency
    with pytest.raises(Refused, match="banned-by does not take a Agency subject"):
        gate({**BAN, "subject": ref("FCC", "Firm"), "object": ref("US", "Country"), "quote": "FCC"})


def test_confidence_is_held_within_the_rules_bounds() -> None:
    def conf(value: Any) -> float:
        return float(gate({**BAN, "quote": "FCC", "confidence": value}).confidence)

    assert [conf(1.0), conf(0.0), conf(0.777), conf("high"), conf(True)] == [0.95, 0.3, 0.78, 0.5, 0.5]


def test_the_schema_offers_only_what_an_article_can_state() -> None:
    item = claims_schema()["properties"]["claims"]["items"]
    assert item["properties"]["predicate"]["enum"] == [p.value for p in PROPOSABLE]
    assert Predicate.SAME_AS not in PROPOSABLE and Predicate.SCREENED_AS not in PROPOSABLE
    assert "Record" not in item["properties"]["subject"]["properties"]["type"]["enum"]
    assert set(item["required"]) == {"subject", "predicate", "object", "stance", "quote"}


# -- the callers: POST /v1/extract and regkg extract ---------------------------------------


def test_the_api_answers_the_refused_proposals(stub: Stub) -> None:
    app = create_app(Settings(_env_file=None, env="test", extract_llm_url=stub.url, warm_queries=False))  # type: ignore[call-arg]
    app.state.graph = object()  # use_graph false: the route never reads it (no lifespan, no database)
    client = TestClient(app)
    key = {"X-API-Key": Settings(_env_file=None, env="test").api_key.get_secret_value()}  # type: ignore[call-arg]
    stub.replay("seed-claims.json")
    r = client.post("/v1/extract", json={"text": TEXT, "use_graph": False}, headers=key)
    assert r.status_code == 200, r.text
    body = r.json()
    assert {summary(x["proposal"]): x["reason"] for x in body["rejected"]} == REFUSED
    assert any(c["qualifiers"] == {"extractor": "llm"} and c["method"] == "extracted" for c in body["claims"])
    stub.reply(503, b'{"error": "loading model"}')
    r = client.post("/v1/extract", json={"text": TEXT, "use_graph": False}, headers=key)
    assert r.status_code == 502 and r.json()["error"]["code"] == "upstream_error"
    assert "answered HTTP 503" in r.json()["error"]["message"]


def test_the_cli_prints_the_refused_proposals_and_obeys_no_llm(stub: Stub) -> None:
    args = ["extract", str(SEED.with_suffix(".txt")), "--no-graph"]
    env = {"REGKG_EXTRACT_LLM_URL": stub.url}
    result = CliRunner().invoke(cli, args, env=env)
    assert result.exit_code == 1 and "answered HTTP 500" in result.output  # nothing queued: the stub's 500
    stub.replay("seed-claims.json")
    result = CliRunner().invoke(cli, args, env=env)
    assert result.exit_code == 0, result.output
    assert "reason: quote not found in the text" in result.stderr
    assert "6 rejected" in result.stderr and "extractor: llm" in result.stdout
    asked = len(stub.requests)
    result = CliRunner().invoke(cli, [*args, "--no-llm"], env=env)
    assert result.exit_code == 0 and len(stub.requests) == asked
    result = CliRunner().invoke(cli, [*args, "--llm"], env={"REGKG_EXTRACT_LLM_URL": ""})
    assert result.exit_code == 1 and "--llm needs REGKG_EXTRACT_LLM_URL" in result.output


# -- bench.extract --llm ------------------------------------------------------------------


def test_bench_extract_asks_the_model_and_reports_refusals_and_failures(
    stub: Stub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bench.extract import main as bench_main

    for suffix in (".txt", ".meta.yaml", ".gold.yaml"):
        (tmp_path / ("seed" + suffix)).write_bytes(SEED.with_suffix(suffix).read_bytes())
        (tmp_path / ("again" + suffix)).write_bytes(SEED.with_suffix(suffix).read_bytes())
    monkeypatch.setenv("REGKG_EXTRACT_LLM_URL", stub.url)
    stub.reply(503, b'{"error": "loading"}').replay("seed-claims.json")  # "again" sorts first
    assert bench_main(["--dir", str(tmp_path), "--llm"]) == 0
    out = capsys.readouterr().out
    assert len(stub.requests) == 2 and "rules and default at http://127.0.0.1" in out
    assert (
        "model: 0 proposal(s) refused by the gates; the extractor's language model (REGKG_EXTRACT_LLM_URL) answered HTTP 503"
        in out
    )
    assert f"model: {len(REFUSED)} proposal(s) refused by the gates\n" in out
    monkeypatch.delenv("REGKG_EXTRACT_LLM_URL")
    with pytest.raises(SystemExit):
        bench_main(["--dir", str(tmp_path), "--llm"])
