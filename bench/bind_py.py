"""Python binding benchmark (bench/run runs it; needs PYTHONPATH=bindings/python
and RECERT_LIBRARY=<build>/lib/librecert.so.0).

    python3 bench/bind_py.py RECORDS.json ONE_HOLDER.json AS_OF

Prints one line, key=value:
  evaluate_s      recert.evaluate(text, as_of): report as a dict (Decimal amounts), best of 3
  evaluate_json_s recert.evaluate_json(text, as_of): the report's text only, best of 3
  *_cpu_s         the same, CPU time of this process (steadier on a busy machine)
  one_call_us     recert.evaluate on the one-holder document, best batch average
  one_call_json_us recert.evaluate_json on it
"""
import sys
import time

import recert


def best(fn, runs):
    """Best wall time and best CPU time (this process) over the runs."""
    t = c = None
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        d, dc = time.perf_counter() - t0, time.process_time() - c0
        t = d if t is None or d < t else t
        c = dc if c is None or dc < c else c
    return t, c


def per_call(fn, min_time=1.0):
    best_avg, n, start = None, 0, time.perf_counter()
    while n < 1000 or time.perf_counter() - start < min_time:
        t0 = time.perf_counter()
        for _ in range(100):
            fn()
        avg = (time.perf_counter() - t0) / 100
        best_avg = avg if best_avg is None or avg < best_avg else best_avg
        n += 100
    return best_avg


def main():
    path, one_path, as_of = sys.argv[1:4]
    with open(path, "rb") as f:
        text = f.read()
    with open(one_path, "rb") as f:
        one = f.read()
    ev = best(lambda: recert.evaluate(text, as_of), 3)
    evj = best(lambda: recert.evaluate_json(text, as_of), 3)
    oc = per_call(lambda: recert.evaluate(one, as_of))
    ocj = per_call(lambda: recert.evaluate_json(one, as_of))
    print("evaluate_s=%.4f evaluate_cpu_s=%.4f evaluate_json_s=%.4f evaluate_json_cpu_s=%.4f "
          "one_call_us=%.1f one_call_json_us=%.1f" % (ev[0], ev[1], evj[0], evj[1], oc * 1e6, ocj * 1e6))


if __name__ == "__main__":
    main()
