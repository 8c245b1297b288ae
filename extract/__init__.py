"""The article extractor: plain text plus metadata in, *candidate* claims with exact quotes out.

Offline and rule-based by default (no model, no network), in linear time over the text::

    text ──fold──▶ sentences ──▶ mentions ──▶ aliases ──▶ cues ──▶ claims ──▶ Parsed
                   (regex)       gazetteer     (BIS)        per sentence:
                                 + patterns    ("Kaspersky") predicate rules, stance,
                                               "Kaspersky"   asserted_by, dates

* **Text** (:mod:`.text`) — garbage is refused; :func:`schema.quotes.fold` turns non-breaking
  spaces into spaces and curly quotes into straight ones, one character for one, so every offset
  found in the folded text is an offset into the original; a citation's quote is always the
  original slice ``text[start:end]``. Sentences end at blank lines and at ``.``, ``!`` or ``?``
  before a capital (not after ``Inc.``, ``U.S.``, ...).
* **Mentions** (:mod:`.mentions`) — the gazetteer (:mod:`.gazetteer`: the caller's known
  entities, e.g. the graph's, then the built-in regulators, countries, lists and news
  organisations of :mod:`.builtin`) and patterns for names the gazetteer lacks (:mod:`.patterns`):
  firms (``AO Kaspersky Lab``, ``Huawei Technologies Co., Ltd.``), agencies (``Office of ...``,
  ``... Directorate``), laws (``Executive Order 13873``, ``Binding Operational Directive 17-01``,
  ``... Act of 2019``, an unnamed "bill"), persons after a title (``Secretary ... Elaine Duke``),
  countries from demonyms (``Russian intelligence``).
* **Aliases** (:mod:`.mentions`) — acronyms and defined terms (``Bureau of Industry and Security
  (BIS)``, ``(together with Kaspersky Lab, Inc., "Kaspersky")``) and short forms (``Kaspersky``
  for the first firm named ``Kaspersky ...``) are found again everywhere in the text.
* **Claims** — per sentence (:mod:`.sentence`: the neighbour look-ups), cue phrases
  (:mod:`.cues`) select a predicate (``banned``/``prohibiting`` → ``banned-by``, ``added ... to
  <List>`` → ``listed-on``, ``ties to``/``coordinated with`` → ``alleged-tie-to``, ...); the
  cue's grammatical neighbours fill subject and object (:mod:`.rules`); stance cues
  (``alleging``, ``accusations``, ``reported``, ``the report said``, ``denied``, a bill →
  proposed) and who asserts it (the party that alleges, reports or says) are read from the same
  sentence (:mod:`.stance`); dates in the sentence give ``valid_from``/``valid_to`` ("in 2017",
  "March 25, 2022"); relative ones ("last year") are resolved against the published date when it
  is known, else kept as the qualifier ``relative_date`` (:mod:`.dates`).
* **Assembly** (:mod:`.assembly`) — candidates merged by content into claims with citations,
  the entities they use and the source; :mod:`.draft` writes them as curated YAML.

**Optionally, a language model** (:mod:`.llm`, off by default): given an :class:`LlmBackend` (the
API and the CLI make one when ``REGKG_EXTRACT_LLM_URL`` is set), the text also goes to an
OpenAI-compatible chat endpoint the user runs, which proposes claims in the JSON schema of
:mod:`.llm_schema`. Every proposal passes the gates of :mod:`.llm_gates` — the quote is in the text,
the predicate and stance exist, the types fit the predicate's domain and range, ids resolve — and
the accepted ones are merged with the rules' claims (same content → one claim, citations joined;
a claim only the model proposed carries the qualifier ``extractor: llm``). The refused ones are
:attr:`Proposal.rejected`, each with its reason (and a note). The rules always run; the model adds
to them, it never replaces them.

Everything it emits is a *candidate*: ``method: extracted``, a confidence, and new entities
marked ``candidate: true``. :meth:`Proposal.curated_yaml` is the draft for review.

Garbage in: empty text, binary bytes and texts over :data:`MAX_CHARS` characters raise
:class:`~schema.errors.InvalidInput`; text in another language simply yields no claims.

The public surface is ``__all__`` below: :func:`propose` is the one entry point (the API and
the CLI both call it). The modules under this package are its internals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from loaders.base import Parsed
from schema.models import Entity

from .assembly import run
from .draft import dump_curated
from .llm import LlmBackend, ask
from .llm_gates import Rejected, add_proposals
from .meta import ArticleMeta, load_meta
from .text import MAX_CHARS

__all__ = ["MAX_CHARS", "ArticleMeta", "LlmBackend", "Proposal", "Rejected", "load_meta", "propose"]


@dataclass(frozen=True, slots=True)
class Proposal:
    """What :func:`propose` found: the candidates as a :class:`~loaders.base.Parsed` (one source,
    its claims, the new entities; known entities only in ``external_refs``), and the language
    model's proposals the gates refused, each with its reason (none without a model)."""

    parsed: Parsed
    rejected: tuple[Rejected, ...] = ()

    def curated_yaml(self, text_file: str | None = None) -> str:
        """The draft for review as curated YAML. With ``text_file`` the source names its text
        file (``text_file:``, relative to the YAML file) instead of carrying the text inline."""
        return dump_curated(self.parsed, text_file)


def propose(
    text: str | bytes,
    meta: ArticleMeta | Mapping[str, Any] | None = None,
    known: Iterable[Entity] = (),
    llm: LlmBackend | None = None,
) -> Proposal:
    """Candidate claims of ``text`` (a str, or UTF-8 bytes) with exact quotes.

    ``meta`` is what the caller knows about the article (see :class:`ArticleMeta`; a mapping is
    validated); ``known`` are entities to recognise and refer to by id rather than define (e.g.
    the graph's reviewed ones). With ``llm`` the model's checked proposals join the rules' (see
    above); without it nothing leaves the process. Raises :class:`~schema.errors.InvalidInput` on
    garbage or bad metadata (before any request), :class:`~schema.errors.UpstreamError` when the
    model cannot be asked or answers nonsense; never touches the graph.
    """
    known = list(known)
    parsed = run(text, meta, known)
    if llm is None:
        return Proposal(parsed)
    [source] = parsed.sources
    rejected = add_proposals(parsed, ask(llm, source.text or ""), known, llm.label)
    return Proposal(parsed, tuple(rejected))
