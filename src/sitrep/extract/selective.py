"""Parse only what extraction reads: the full English pipeline for the sentences that may carry an
incident, the sentence splitter and NER for the rest (issue 15).

    >>> docs = parse_selective(nlp, (make_doc(nlp, t) for t in texts))   # one Doc per text

What extraction reads from the parse: the event type of a sentence (cue lists, then the type
model over the tagger's tensor and the dependency relations) and its casualty claims (triggers
found by lemma and part of speech, victims by dependency) need the tagger, parser and lemmatizer;
places, actor names and dates are read from the text and NER's entities, which every sentence
gets. So a cheap first pass (the model's own ``senter``, a few per cent of the pipeline's time)
splits each article into sentences, and a sentence goes to the full pipeline only when a word of
it may be read as one of those: a word of any event cue list (``event_types.cue_hits``) or a
word whose possible lemmas (the lemmatizer's own exception and suffix tables, tried for every
part of speech) hold a casualty trigger (``figure_words``). Runs of such sentences are parsed
as one piece (with a few tokens of context on each side), the rest kept as split by ``senter``;
each piece's parse is copied back into the article's own Doc (token arrays and tensor: cheaper
than rebuilding it with ``Doc.from_docs``), so text, tokens and offsets are unchanged, and NER
runs over the whole Doc as it did before.
The sentences that may carry an incident are listed in ``doc.user_data["sitrep_read"]`` (token
ranges); extraction types no event and finds no claim in the others (``is_parsed``). A piece's
edges are fixed sentence starts in its parse, so an edge is trusted only where ``senter`` cut
after a full stop, question or exclamation mark or at a line break; a sentence cut off without
one (a page heading glued to the first sentence) is parsed with the piece beside it.
"""

from __future__ import annotations

from functools import cache, lru_cache

import numpy as np

from sitrep.extract.event_types import cue_hits
from sitrep.extract.figure_words import (
    ADJ_WHAT,
    CARRY_VERBS,
    MULTIPLE_EVENTS,
    NOUN_WHAT,
    TAKE_WHAT,
    VERB_WHAT,
)

PARSE_PIPES = ("tok2vec", "tagger", "parser", "sitrep_attribute_rules", "attribute_ruler", "lemmatizer")
PAD = 0  # sentences parsed on each side of one that may carry an incident
# Tokens of context parsed on each side of a piece: more than the tagger's tok2vec sees (a
# window of 1 over 4 layers) and the parser's lookahead, so the piece parses as in the whole doc.
CONTEXT = 8
COPIED = ["TAG", "POS", "MORPH", "LEMMA", "HEAD", "DEP"]  # what the parsing pipes write on a token
# Trigger lemmas ``victims.what_of`` reads beside the figure-word tables (struck, treated, taken,
# a victim, a death toll).
OTHER_TRIGGERS = frozenset({"strike", "hit", "treat", "victim", "toll"})


@cache
def trigger_lemmas() -> frozenset[str]:
    """Lemmas of the words a casualty claim starts from (``victims.what_of``) and of the events
    a count names ("a double homicide": ``named_counts``)."""
    tables = (VERB_WHAT, ADJ_WHAT, NOUN_WHAT, CARRY_VERBS, TAKE_WHAT, MULTIPLE_EVENTS, OTHER_TRIGGERS)
    return frozenset(w for table in tables for w in table)


def parse_selective(nlp, docs, batch_size: int = 64):
    """Each tokenised doc of ``docs`` (sentence starts preset by ``make_doc``) parsed where it
    matters (see the module's docstring), in order."""
    batch: list = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= batch_size:
            yield from _parse_batch(nlp, batch, batch_size)
            batch = []
    if batch:
        yield from _parse_batch(nlp, batch, batch_size)


def is_parsed(span) -> bool:
    """Whether a sentence of a doc is read for events and claims: every sentence of a doc parsed
    whole, and in a ``parse_selective`` doc those that overlap a sentence that may carry one."""
    read = span.doc.user_data.get("sitrep_read")
    return read is None or any(a < span.end and span.start < b for a, b in read)


def _parse_batch(nlp, docs: list, batch_size: int) -> list:
    split = [d.copy() for d in docs]
    for _ in nlp.get_pipe("senter").pipe(split, batch_size=batch_size):
        pass
    lemmas = lemma_guesser(nlp)
    found = [_pieces(s, lemmas, d) for s, d in zip(split, docs)]
    windows = [w for d, (plan, _) in zip(docs, found) for w in _windows(d, plan)]
    parsed = iter(_run(nlp, [w for w, _, _ in windows], batch_size))
    cuts = iter(windows)
    width = nlp.get_pipe("tok2vec").model.get_dim("nO")
    for doc, s, (plan, read) in zip(docs, split, found):
        rows = np.zeros((len(doc), len(COPIED)), dtype="uint64")
        tensor = np.zeros((len(doc), width), dtype="float32")
        for a, b, full in plan:
            if full:
                _, lo, hi = next(cuts)
                win = next(parsed)
                rows[a:b] = win.to_array(COPIED)[lo:hi]
                tensor[a:b] = win.tensor[lo:hi]
        doc.from_array(COPIED, rows)
        doc.tensor = tensor
        _keep_light_starts(doc, s, plan)
        doc.user_data["sitrep_read"] = read
    return list(nlp.get_pipe("ner").pipe(docs, batch_size=batch_size))


def _windows(doc, plan) -> list:
    """Each piece [a, b) of ``doc`` to parse as a doc of its own, with CONTEXT tokens of the text
    on each side (fixed sentence starts at a and b keep the parse inside), and where [a, b) lies
    within it. ``doc`` is tokenised only (no parse, no entities yet): a piece is copied as
    ``Span.as_doc`` copies it, without what that does for a parse or entities."""
    # spaCy's Doc class taken from the doc itself: importing ``spacy.tokens`` here at module level
    # would import spaCy (and thinc, and through it torch) before ``models.load_spacy`` can keep
    # torch out of a run that embeds nothing
    Doc = type(doc)  # noqa: N806
    head = doc._get_array_attrs()
    array = doc.to_array(head)
    # the words and spaces of ``doc[lo:hi].as_doc()``, read once for the doc: as_doc also averages
    # the span's vector (a look-up per word), which no parsing pipe reads
    text = doc.text
    starts = doc.to_array(["IDX", "LENGTH", "SPACY"]).tolist()
    words = [text[i : i + n] for i, n, _ in starts]
    spaces = [bool(sp) for _, _, sp in starts]
    out = []
    for a, b, full in plan:
        if not full:
            continue
        lo, hi = max(0, a - CONTEXT), min(len(doc), b + CONTEXT)
        win = Doc(doc.vocab, words=words[lo:hi], spaces=spaces[lo:hi]).from_array(head, array[lo:hi])
        for i in (a - lo, b - lo):
            if 0 < i < len(win):
                win[i].is_sent_start = True
        out.append((win, a - lo, b - lo))
    return out


def _run(nlp, docs: list, batch_size: int) -> list:
    """The parsing pipes (all but NER and the sentence splitter) over ``docs``."""
    for name in PARSE_PIPES:
        if name not in nlp.pipe_names:
            continue
        pipe = nlp.get_pipe(name)
        if name == "lemmatizer" and getattr(pipe, "mode", None) == "rule" and not pipe.overwrite:
            docs = [_lemmatize(pipe, d, lemma_memo(nlp)) for d in docs]
        elif hasattr(pipe, "pipe"):
            docs = list(pipe.pipe(docs, batch_size=batch_size))
        else:
            docs = [pipe(d) for d in docs]
    return docs


def _lemmatize(pipe, doc, memo: dict):
    """The rule lemmatizer's own lemma for each token it would fill (lemma still unset), remembered
    by all it depends on: word, part of speech and morphology. spaCy's own cache skips base forms
    (most words), which it works out again each time, morphology dictionary and all."""
    rows = doc.to_array(["ORTH", "POS", "MORPH", "LEMMA"])
    lemmas = rows[:, 3].copy()
    for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
        if lemma:
            continue
        key = (orth, pos, morph)
        found = memo.get(key)
        if found is None:
            if len(memo) >= LEMMA_MEMO:  # bounded: a long run meets ever more words
                memo.clear()
            found = memo[key] = doc.vocab.strings.add(pipe.lemmatize(doc[i])[0])
        lemmas[i] = found
    doc.from_array(["LEMMA"], lemmas)
    return doc


LEMMA_MEMO = 1 << 16


@cache
def lemma_memo(nlp) -> dict:
    """The windows' lemmas remembered for ``nlp``: (word, part of speech, morphology) -> lemma."""
    return {}


def _keep_light_starts(doc, split, plan) -> None:
    """Writing the parse sets sentence starts from it, which the light pieces lack: write
    ``senter``'s back for them."""
    light = [(a, b) for a, b, full in plan if not full]
    if not light:
        return
    starts = doc.to_array(["SENT_START"]).astype("int64")
    split_starts = split.to_array(["SENT_START"]).astype("int64")
    for a, b in light:
        starts[a:b] = split_starts[a:b]
        for i in range(a, b - 1):
            # senter may start a sentence at the space or the closing quote that ends the one
            # before; the parser ends that sentence with them
            if starts[i] == 1 and _trails(doc[i]):
                starts[i], starts[i + 1] = -1, 1
    doc.from_array(["SENT_START"], starts.astype("uint64"))


def _trails(token) -> bool:
    return token.is_space or (token.is_punct and not token.is_left_punct and not token.is_bracket)


def _pieces(doc, lemmas, preset=None) -> tuple[list[tuple[int, int, bool]], list[tuple[int, int]]]:
    """Token ranges of ``doc`` (split by ``senter``), each with whether it gets the full pipeline,
    and the ranges of the sentences that may carry an incident. With PAD > 0 the sentences next to
    one that may are parsed too (not read for events and claims); at 0, the CONTEXT tokens on each
    side of a piece give the tagger's and parser's windows what they see in a whole parsed doc.
    ``preset``: the doc before ``senter``, whose sentence starts (line breaks) are certain."""
    sents = list(doc.sents)
    read = [may_carry(s, lemmas) for s in sents]
    parse = [any(read[max(0, i - PAD) : i + PAD + 1]) for i in range(len(sents))]
    parse = _join_doubtful(sents, parse, preset)
    plan: list[list] = []
    for i, sent in enumerate(sents):
        full = parse[i]
        if plan and plan[-1][2] == full:
            plan[-1][1] = sent.end
        else:
            plan.append([sent.start, sent.end, full])
    return [tuple(p) for p in plan], [(s.start, s.end) for s, r in zip(sents, read) if r]


def _join_doubtful(sents, parse: list[bool], preset) -> list[bool]:
    """A sentence left out of the parse joins the parsed sentence beside it when ``senter``'s
    boundary between them is doubtful: the edge of a parsed piece is a fixed sentence start, so a
    wrong cut there would stay in the parse (a heading glued to the first sentence, cut after
    "Name, 28", leaves "..., died Tuesday" without its subject), while the whole parse lets the
    parser decide. The joined sentence is parsed, not read for events and claims."""
    parse = list(parse)
    changed = True
    while changed:
        changed = False
        for i in range(len(sents) - 1):
            if parse[i] != parse[i + 1] and _doubtful(sents[i + 1].start, sents[i].doc, preset):
                parse[i] = parse[i + 1] = changed = True
    return parse


ENDS = (".", "!", "?", "…")


def _doubtful(k: int, doc, preset) -> bool:
    """Whether the sentence start at token ``k`` is ``senter``'s guess without the mark of an end
    before it: neither a start fixed before (a line break, ``make_doc``) nor after a full stop, a
    question or exclamation mark (closing quotes, brackets and spaces after it skipped)."""
    if preset is not None and preset[k].is_sent_start:
        return False
    i = k - 1
    while i > 0 and (doc[i].is_space or doc[i].is_right_punct or doc[i].is_quote):
        i -= 1
    return not doc[i].text.endswith(ENDS)


def may_carry(sent, lemmas) -> bool:
    """A word of the sentence may be read as an event cue or a casualty trigger."""
    triggers = trigger_lemmas()
    if any(triggers & lemmas(t.lower_) for t in sent if t.is_alpha):
        return True
    return any(cue_hits(sent.text.strip()).values())


@cache
def lemma_guesser(nlp):
    """word -> every lemma the model's rule lemmatizer could give it, whatever its part of speech."""
    table = _tables(nlp)

    @lru_cache(maxsize=1 << 16)  # bounded: a long run meets ever more distinct words
    def guesses(word: str) -> frozenset[str]:
        out = {word}
        for rules, exc in table:
            out.update(exc.get(word, ()))
            for old, new in rules:
                if old and word.endswith(old):
                    out.add(word[: len(word) - len(old)] + new)
        return frozenset(out)

    return guesses


def _tables(nlp) -> list[tuple[list, dict]]:
    lookups = nlp.get_pipe("lemmatizer").lookups
    rules, exc = lookups.get_table("lemma_rules"), lookups.get_table("lemma_exc")
    return [(rules.get(pos, []), exc.get(pos, {})) for pos in ("verb", "noun", "adj")]
