"""Command line: ``python -m quotex.training`` trains and writes models/en_quotex_sm."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from quotex.training.train import REPO, run

#: Steps of the full run (about 80 minutes on two CPU cores) and of the --quick bootstrap.
FULL_STEPS = 3000
QUICK_STEPS = 750


def main(argv: list[str] | None = None) -> None:
    """Parse arguments and run the training driver.

    Args:
        argv: Command-line arguments; ``sys.argv[1:]`` when None.
    """
    parser = argparse.ArgumentParser(prog="python -m quotex.training", description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--output", type=Path, default=REPO / "models" / "en_quotex_sm")
    parser.add_argument("--work-dir", type=Path, default=REPO / "training_runs")
    parser.add_argument("--max-steps", type=int, default=None)
    parser.add_argument("--quick", action="store_true", help="short bootstrap run")
    parser.add_argument("--no-train", action="store_true", help="only evaluate and package the best checkpoint")
    parser.add_argument(
        "--resume",
        type=Path,
        default=None,
        help="continue training every component of this pipeline (e.g. models/en_quotex_sm)",
    )
    parser.add_argument("--learn-rate", type=float, default=0.0003, help="peak learning rate of --resume")
    parser.add_argument("--warmup-steps", type=int, default=50, help="warm-up steps of --resume")
    parser.add_argument(
        "--new-ner",
        action="store_true",
        help="with --resume: keep the other components and train a new NER with its own tok2vec",
    )
    parser.add_argument(
        "--new-parser",
        type=int,
        default=None,
        metavar="WIDTH",
        help="with --resume: keep the other components and train a new parser of this hidden width",
    )
    args = parser.parse_args(argv)
    if args.new_ner and args.resume is None:
        parser.error("--new-ner trains a recogniser beside a trained pipeline: give it with --resume")
    if args.new_parser and args.resume is None:
        parser.error("--new-parser trains a parser beside a trained pipeline: give it with --resume")
    steps = args.max_steps or (QUICK_STEPS if args.quick else FULL_STEPS)
    evaluation = run(
        args.data_dir,
        args.output,
        args.work_dir,
        max_steps=steps,
        eval_frequency=max(100, min(1000, steps // 6)),
        train=not args.no_train,
        resume=args.resume,
        learn_rate=args.learn_rate,
        warmup_steps=args.warmup_steps,
        new_ner=args.new_ner,
        new_parser=args.new_parser,
    )
    print(json.dumps(evaluation, indent=2))


if __name__ == "__main__":
    main()
