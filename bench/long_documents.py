"""Linking and extraction cost per MB on long documents (50 KB, 500 KB, 5 MB) in one run.

The text is composed from our own Dutch sentence pieces (``bench/text/long_documents.yaml``).
Frog analyses one 50 KB text once (its seconds per MB are reported); the 500 KB and 5 MB
documents repeat that analysed text, offsets shifted, so linking and extraction see real
Frog output at every size without Frog spending half an hour on 5 MB. Also times splitting
unpunctuated text (``nlp.chunking.requests``) at 0.8 MB and 8 MB, and Frog's stdin/stdout
pipes against ``frog -S`` over TCP on the same text. Writes the table to
``docs/benchmarks.md`` (section "Long documents"). Usage::

    PYTHONPATH=src .venv/bin/python bench/long_documents.py
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import random
import resource
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import yaml

from kroniek.errors import NLPUnavailable
from kroniek.model import DateInterval, Document
from kroniek.nlp import FrogBackend, FrogServer
from kroniek.nlp.chunking import requests
from kroniek.nlp.frog_server import MAX_PARSER_TOKENS
from kroniek.pipeline import Pipeline
from report import write_section

ROOT = Path(__file__).resolve().parent.parent
PIECES = ROOT / "bench" / "text" / "long_documents.yaml"
REPORT = ROOT / "docs" / "benchmarks.md"
SECTION = "## Long documents"
KB = 1000
SIZES = (50 * KB, 500 * KB, 5000 * KB)


def compose(size: int, seed: int = 7) -> str:
    """Paragraphs of 3-6 sentences drawn from the pieces, about ``size`` bytes of UTF-8."""
    pieces = yaml.safe_load(PIECES.read_text())
    chance = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    while total < size:
        sentences = []
        for _ in range(chance.randint(3, 6)):
            verb = chance.choice(pieces["verbs"]).format(
                when=chance.choice(pieces["whens"]), place=chance.choice(pieces["places"]),
                object=chance.choice(pieces["objects"]))
            sentences.append(f"{chance.choice(pieces['subjects'])} {verb}.")
            if chance.random() < 0.5:
                sentences.append(chance.choice(pieces["additions"]).format(
                    number=chance.randint(2, 400)))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        total += len(paragraph.encode()) + 2
    return "\n\n".join(paragraphs)


def new_document(text: str) -> Document:
    return Document(id="long", text=text, source="bench", key="bench",
                    published=DateInterval(dt.date(2022, 3, 14), dt.date(2022, 3, 14), "day"))


def tiled(base: Document, copies: int) -> Document:
    """``copies`` of the analysed ``base`` one after another, as if Frog had read it all."""
    gap = "\n\n"
    document = new_document(gap.join([base.text] * copies))
    for copy_number in range(copies):
        shift = copy_number * (len(base.text) + len(gap))
        tokens, sentences = len(document.tokens), len(document.sentences)
        paragraphs = (document.sentences[-1].paragraph + 1) if document.sentences else 0
        for token in base.tokens:
            document.tokens.append(replace(
                token, index=token.index + tokens, sentence=token.sentence + sentences,
                start=token.start + shift, end=token.end + shift,
                head=None if token.head is None else token.head + tokens))
        for sentence in base.sentences:
            document.sentences.append(replace(
                sentence, index=sentence.index + sentences, start=sentence.start + shift,
                end=sentence.end + shift, paragraph=sentence.paragraph + paragraphs,
                token_start=sentence.token_start + tokens,
                token_end=sentence.token_end + tokens))
        for mention in base.mentions:
            document.mentions.append(replace(
                mention, sentence=mention.sentence + sentences, start=mention.start + shift,
                end=mention.end + shift))
    return document


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def split_seconds(size: int) -> float:
    words = "de soldaten trokken verder door het dorp zonder te stoppen"
    text = (words + " ") * (size // (len(words) + 1))
    began = time.perf_counter()
    pieces = sum(1 for _ in requests(text))
    seconds = time.perf_counter() - began
    assert pieces > size // 700
    return seconds


def timed_analysis(backend: FrogBackend, text: str) -> tuple[float, Document]:
    document = new_document(text)
    began = time.perf_counter()
    backend.analyse(document)
    return time.perf_counter() - began, document


@contextlib.contextmanager
def tcp_backend() -> Iterator[FrogBackend]:
    """A backend on ``frog -S`` over TCP, the transport kroniek used before (it binds every
    interface, so only for this comparison)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    frog = subprocess.Popen(["frog", "-S", str(port), f"--max-parser-tokens={MAX_PARSER_TOKENS}"],
                            cwd=tempfile.gettempdir(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        while True:
            server = FrogServer(address=f"127.0.0.1:{port}")
            try:
                server.request("Dit is een proef .")
                break
            except NLPUnavailable:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        yield FrogBackend(server)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(frog.pid, signal.SIGKILL)
        frog.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--repeat", type=int, default=5, help="Frog runs per transport")
    arguments = parser.parse_args()

    text = compose(SIZES[0])
    backend = FrogBackend()
    backend.start()
    pipe_runs: list[tuple[float, Document]] = []
    tcp_runs: list[float] = []
    with tcp_backend() as over_tcp:
        for _ in range(arguments.repeat):  # alternated, so both see the same machine load
            pipe_runs.append(timed_analysis(backend, text))
            tcp_runs.append(timed_analysis(over_tcp, text)[0])
    backend.close()
    frog_seconds, base = min(pipe_runs, key=lambda run: run[0])
    tcp = min(tcp_runs)
    pair_ratios = sorted(p / t for (p, _), t in zip(pipe_runs, tcp_runs, strict=True))
    print(f"Frog on {len(text) / 1000:.0f} KB: pipes {frog_seconds:.2f} s, TCP {tcp:.2f} s",
          flush=True)
    base_mb = len(base.text.encode()) / 1e6
    pipeline = Pipeline(backend=backend)  # components only; Frog is not used again

    rows = []
    for size in SIZES:
        document = tiled(base, round(size / SIZES[0]))
        megabytes = len(document.text.encode()) / 1e6
        began = time.perf_counter()
        for component in pipeline.components:
            component(document)
        seconds = time.perf_counter() - began
        rows.append((megabytes, len(document.tokens), len(document.events), seconds,
                     peak_rss_mb()))
        print(f"{megabytes:.2f} MB: {seconds:.2f} s, {seconds / megabytes:.1f} s/MB, "
              f"{len(document.events)} events, peak RSS {rows[-1][4]:.0f} MB", flush=True)
        del document
    split = [(megabytes, split_seconds(int(megabytes * 1e6))) for megabytes in (0.8, 8.0)]

    per_mb = [seconds / megabytes for megabytes, _, _, seconds, _ in rows]
    spread = max(per_mb) / min(per_mb)
    lines = [
        SECTION, "",
        f"`bench/long_documents.py`, {dt.date.today().isoformat()}: one composed Dutch text "
        f"(our own sentence pieces, `bench/text/long_documents.yaml`) of "
        f"{base_mb * 1000:.0f} KB analysed by Frog once ({frog_seconds:.0f} s, "
        f"{frog_seconds / base_mb:.0f} s per MB); the longer documents repeat that analysis "
        "with shifted offsets. Linking and extraction are every pipeline component after "
        "Frog, in one process; peak RSS is that process's, cumulative over the run.", "",
        "| document | tokens | events | link + extract (s) | s per MB | with Frog, s per MB "
        "| peak RSS (MB) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    frog_rate = frog_seconds / base_mb
    for (megabytes, tokens, events, seconds, rss), rate in zip(rows, per_mb, strict=True):
        lines.append(f"| {megabytes:.2f} MB | {tokens:,} | {events:,} | {seconds:.2f} | "
                     f"{rate:.2f} | {rate + frog_rate:.0f} | {rss:.0f} |")
    lines += [
        "",
        f"Seconds per MB, largest over smallest: **{spread:.2f}x** (target: within 1.5x). "
        f"\"With Frog\" adds Frog's own rate on the 50 KB text ({frog_rate:.0f} s per MB), "
        "which dominates.",
        "",
        f"Frog's transport, the same {len(text) / 1000:.0f} KB, {arguments.repeat} runs "
        f"each, alternated: stdin/stdout pipes (kroniek's own Frog now) best "
        f"{frog_seconds:.2f} s, `frog -S` over TCP (before; it listens on every interface) "
        f"best {tcp:.2f} s; pipes over TCP, median of the runs' own ratios "
        f"{pair_ratios[len(pair_ratios) // 2]:.2f}x "
        f"({', '.join(f'{r:.2f}' for r in pair_ratios)}).",
        "",
        "Splitting unpunctuated text for Frog (`nlp.chunking.requests`): "
        + ", ".join(f"{megabytes:g} MB in {seconds:.2f} s" for megabytes, seconds in split)
        + f"; ratio of seconds per MB {(split[1][1] / 8) / (split[0][1] / 0.8):.2f} "
        "(1.0 is linear).",
        "",
    ]
    table = "\n".join(lines)
    print(table)
    if not arguments.no_write:
        write_section(REPORT, SECTION, table)


if __name__ == "__main__":
    main()
