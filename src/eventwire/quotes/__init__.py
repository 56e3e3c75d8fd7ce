"""The quotes stage: every attributed statement with its speaker, cue and relay chain.

Fills `article.quotes` (ids `{article.id}:q{n}` in order of start offset) and
appends the writer's scare quotes to `article.labels` as
`Label(kind="scare_quote", voice="writer")`. Conventions (docs/quotes.md):
- `text`/`start`/`end` is the content span; for direct quotes it excludes the
  quotation marks (and the comma news style puts before a closing mark).
  A quote split around its cue (“A,” he said, “B.”) gives two quotes that
  share the cue and speaker.
- `relay` lists the intermediaries the text names, nearest to the speaker first
  ("according to a translation by MEMRI" of "Anadolu quoted him" -> [Anadolu, MEMRI]).
- `floating` quotes have no cue of their own (cue None) and take the speaker
  of the attributed quote (or reported statement) ending the previous paragraph.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..actors.whoiswho import Forenames, WhoIsWho, Words, load_forenames, load_words
from ..model import Article, Cue, Label, Quote
from ..settings import tuning
from .extract import Attribution, extract_attributions
from .lexicon import CueWords, load_lexicon
from .speakers import SpeakerResolver

__all__ = ["QuoteStage", "extract_quotes", "load_lexicon", "make_stage"]


def extract_quotes(article: Article, doc: Doc, lex: CueWords, words: Words | None = None,
                   forenames: Forenames | None = None) -> tuple[list[Quote], list[Label]]:
    """The quotes and scare-quote labels of one parsed article (`doc` is the parse of `article.text`)."""
    found = extract_attributions(doc, lex)
    who = WhoIsWho(article, doc, words or load_words(), forenames or Forenames({}),
                   quoted=[(q.start, q.end) for q in found.quotes])
    resolver = SpeakerResolver(article, doc, lex, found.quotes, who)
    pairs = [(a, q) for a in found.attributions if (q := _quote(article, doc, a, resolver, lex)) is not None]
    _name_nested_pronouns(pairs, doc)
    quotes = [q for _, q in pairs]
    for n, q in enumerate(quotes):
        q.id = f"{article.id}:q{n}"
    first = len(article.labels)
    labels = [Label(id=f"{article.id}:l{first + n}", article_id=article.id, text=article.text[q.start:q.end],
                    start=q.start, end=q.end, kind="scare_quote", voice="writer")
              for n, q in enumerate(found.scare_quotes)]
    return quotes, labels


def _quote(article: Article, doc: Doc, found: Attribution, resolver: SpeakerResolver, lex: CueWords) -> Quote | None:
    """The record of one attribution; None for a reported clause whose only "speaker" cannot
    speak ("the reason", "details", "a review of records"): the writer's own statement."""
    quote = Quote(id="", article_id=article.id, text=article.text[found.start:found.end],
                  start=found.start, end=found.end, kind=found.kind, floating=found.floating)
    cue = found.cue
    if cue is None:
        return quote
    quote.act = lex.act_of(doc, cue)
    if not found.floating:
        span = doc[cue.cue[0]:cue.cue[1]]
        quote.cue = Cue(text=span.text, start=span.start_char, end=span.end_char)
    if cue.speaker is not None:
        quote.speakers, stands = resolver.resolve(cue.speaker, quote.act)
        if not stands and found.kind != "direct" and quote.act != "perception":
            return None
        quote.speaker = quote.speakers[0] if quote.speakers else None
        if found.floating and quote.speaker is not None:
            quote.speakers = [replace(s, via="continuity") for s in quote.speakers]
            quote.speaker = quote.speakers[0]
    quote.relay = [resolver.name_of(r) for r in cue.relays]
    return quote


def _name_nested_pronouns(pairs: list[tuple[Attribution, Quote]], doc: Doc) -> None:
    """A pronoun speaking inside another statement of the same party ("Ostrova said she did not
    expect ...", "Dorn told the crowd that he hopes ...") is shown by the mention
    that names the party: the reported clause's speaker is the one already named."""
    for found, quote in pairs:
        sp, cue = quote.speaker, found.cue
        if sp is None or sp.via != "pronoun" or sp.name is None or cue is None or cue.speaker is None:
            continue
        if cue.speaker[1] - cue.speaker[0] != 1 or doc[cue.speaker[0]].pos_ != "PRON":
            continue
        outer = [(o_found, o) for o_found, o in pairs if o is not quote and o_found.cue is not None
                 and _reported_under(doc[cue.head], o_found.cue.head)
                 and o.speaker is not None and o.speaker.name == sp.name and o.speaker.via in ("name", "alias")
                 and o.speaker.start is not None and o.speaker.start < sp.start]
        if not outer:
            continue
        named = min(outer, key=lambda p: p[0].end - p[0].start)[1].speaker
        named_here = replace(sp, text=named.text, start=named.start, end=named.end)
        quote.speakers = [named_here, *quote.speakers[1:]]
        quote.speaker = named_here


# Links from a reported clause up to the verb that reports it: its complement, a coordinated
# verb, or a participle clause ("said ..., arguing that ..."); a clause opened by a conjunction
# ("though she noted"), a relative clause ("which he said") or a coordinated clause with its
# own subject ("..., but he said") is a statement of its own.
REPORTED_DEPS = ("ccomp", "conj", "xcomp", "advcl", "parataxis")
REPORTED_CLAUSE_LINKS = int(tuning("quotes")["reported_clause_links"])  # see config.toml


def _reported_under(verb: Token, outer_head: int) -> bool:
    """Whether `verb` sits in the clause reported by the cue at token `outer_head`."""
    tok = verb
    for _ in range(REPORTED_CLAUSE_LINKS):
        if tok.dep_ not in REPORTED_DEPS or tok.head.i == tok.i:
            return False
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" for c in tok.children):
            return False
        if tok.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return False  # "X agreed ..., but he said ...": a second statement of its own
        tok = tok.head
        if tok.i == outer_head:
            return True
    return False


class QuoteStage:
    """Doc stage "quotes": reads the parse and the actor mentions, writes `article.quotes`."""

    name = "quotes"
    reads = ("doc", "entities")
    writes = ("quotes",)

    def __init__(self, lexicon: CueWords, words: Words, forenames: Forenames):
        self.lexicon = lexicon
        self.words = words
        self.forenames = forenames

    def __call__(self, article: Article, doc: Doc) -> None:
        quotes, labels = extract_quotes(article, doc, self.lexicon, self.words, self.forenames)
        article.quotes = quotes
        article.labels.extend(labels)


def make_stage(ctx) -> QuoteStage:
    """The quotes stage; the word lists are loaded once per process."""
    return QuoteStage(ctx.resource("quotes.lexicon", load_lexicon), ctx.resource("actors.referring", load_words),
                      ctx.resource("actors.forenames", load_forenames))
