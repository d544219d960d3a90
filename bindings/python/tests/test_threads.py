"""Threads: the library keeps each thread's last error apart, so errors
raised in one thread carry their own path and message while other threads
evaluate at the same time (ctypes releases the GIL during each call)."""

from __future__ import annotations

import threading
import unittest
from typing import Any, Dict, List

import recert

from .support import example_files, load_example, needs_library


@needs_library
class Threads(unittest.TestCase):
    def test_errors_stay_with_their_thread(self) -> None:
        examples = [load_example(p) for p in example_files()]
        expected = [recert.evaluate(ex["records"], ex["as_of"]) for ex in examples]
        failures: List[str] = []

        def good(i: int) -> None:
            for n in range(60):
                k = (i + n) % len(examples)
                if recert.evaluate(examples[k]["records"], examples[k]["as_of"]) != expected[k]:
                    failures.append("thread %d: example %d differs" % (i, k))

        def bad(i: int) -> None:
            member = "x%d" % i  # an unknown member, named after the thread
            doc: Dict[str, Any] = {"recert": 1, "holders": [{"id": "h", member: 1}]}
            for _ in range(60):
                try:
                    recert.evaluate(doc, "2026-01-01")
                    failures.append("thread %d: no error" % i)
                except recert.InvalidError as e:
                    if e.path != "holders[0].%s" % member or not e.message.startswith(e.path):
                        failures.append("thread %d: got %r" % (i, e))

        threads = [threading.Thread(target=good if i % 2 else bad, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(failures, [])


if __name__ == "__main__":
    unittest.main()
