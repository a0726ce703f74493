"""Where a py-spy profile's time goes: ``python -m bench.load_kit.hot FILE [--match TEXT]``.

Reads py-spy's collapsed stacks (``record -f raw``: ``frame;frame;… count`` per line) and
prints the share of samples each frame is on the stack (inclusive) and at its top (self),
idle samples (the event loop waiting) counted apart.
"""

from __future__ import annotations

import argparse
import collections
import re
from pathlib import Path

IDLE = re.compile(r"\b(select|epoll|poll|_run_once) \((selectors|uvloop|asyncio)")
LOCATION = re.compile(r" \(([^)]*?)(?:site-packages/|src/)?([^/()]+/[^/()]+):\d+\)$")


def frame_name(frame: str) -> str:
    """``function (package/module.py)`` without the line number and the long path."""
    match = LOCATION.search(frame)
    if not match:
        return frame
    return f"{frame[: match.start()]} ({match.group(2)})"


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("file", type=Path)
    options.add_argument("--match", default="", help="only frames containing this text")
    options.add_argument("--top", type=int, default=40)
    arguments = options.parse_args()
    inclusive: collections.Counter[str] = collections.Counter()
    own: collections.Counter[str] = collections.Counter()
    total = idle = 0
    for line in arguments.file.read_text(errors="replace").splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not count_text.isdigit():
            continue
        count, frames = int(count_text), [frame_name(f) for f in stack.split(";")]
        total += count
        if frames and IDLE.search(stack.split(";")[-1]):
            idle += count
            continue
        for name in set(frames):
            inclusive[name] += count
        own[frames[-1]] += count
    busy = total - idle
    print(f"samples {total:,}, idle {idle / max(total, 1):.0%}, busy {busy:,}")
    print("\ninclusive (share of busy samples):")
    for name, count in inclusive.most_common():
        if arguments.match in name:
            print(f"  {count / max(busy, 1):6.1%}  {name}")
            arguments.top -= 1
            if arguments.top <= 0:
                break
    print("\nself:")
    for name, count in own.most_common(25):
        print(f"  {count / max(busy, 1):6.1%}  {name}")


if __name__ == "__main__":
    main()
