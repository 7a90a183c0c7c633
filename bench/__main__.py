"""``python -m bench <name> [--quick]``: run one benchmark, print one JSON line."""

from __future__ import annotations

import argparse
import importlib
import json
import sys

BENCHMARKS = {
    "address_book": "bench.address_book",
    "dashboard": "bench.dashboard",
    "automation": "bench.automation",
    "exchange": "bench.exchange",
    "journal": "bench.journal",
    "pipeline": "bench.pipeline",
    "quality": "bench.quality",
    "sync": "bench.sync",
}


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the chosen benchmark."""
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("name", choices=sorted(BENCHMARKS))
    parser.add_argument("--quick", action="store_true", help="a tenth of the size")
    args = parser.parse_args(argv)
    module = importlib.import_module(BENCHMARKS[args.name])
    figures = module.run(quick=args.quick)
    print(json.dumps(figures, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
