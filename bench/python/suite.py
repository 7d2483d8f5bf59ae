# The Python speed suite: the same pure-Python micro-benchmarks, run as this
# exact source by every contender (MicroPython and CPython alike), so the
# numbers compare interpreters, not harnesses.
#
# Each benchmark is timed inside Python and returns a checksum: every
# interpreter must compute the same checksums, which proves they did the same
# work. The result is a JSON string published as `js.benchSuiteResult`, and is
# also the value of `RESULT`.
#
# SCALE (set before this file runs; default 1) multiplies the work; the
# benchmark's --quick mode uses a small SCALE.
import json

try:
    from time import perf_counter  # CPython: seconds as a float

    def now_ms():
        return perf_counter() * 1000

    def elapsed_ms(start):
        return now_ms() - start

except ImportError:  # MicroPython: wrapping microsecond ticks
    from time import ticks_diff, ticks_us

    def now_ms():
        return ticks_us()

    def elapsed_ms(start):
        return ticks_diff(ticks_us(), start) / 1000

try:
    SCALE
except NameError:
    SCALE = 1


def scaled(n):
    return max(1, int(n * SCALE))


def int_loop(n):
    """Integer arithmetic in a tight loop: the interpreter's dispatch speed."""
    total = 0
    for i in range(n):
        total = (total + i * i) % 1000003
    return total


def string_building(n):
    """Formatting numbers and joining the pieces, plus some slicing."""
    parts = []
    for i in range(n):
        parts.append("item-" + str(i) + ";")
    text = "".join(parts)
    return len(text) + text.count("9") + len(text[n:2 * n].upper().split(";"))


def dict_ops(n):
    """Insert, look up, update and delete string keys."""
    table = {}
    for i in range(n):
        table["k" + str(i)] = i
    hits = 0
    for i in range(0, 2 * n, 3):
        if ("k" + str(i)) in table:
            hits += table["k" + str(i)]
    for i in range(0, n, 2):
        del table["k" + str(i)]
    return hits + len(table)


def list_ops(n):
    """Append, comprehensions, slicing, reversal and sums."""
    values = []
    for i in range(n):
        values.append(i % 97)
    squares = [v * v for v in values if v % 3]
    chunks = [sum(squares[i:i + 10]) for i in range(0, len(squares), 10)]
    chunks.reverse()
    return sum(chunks) + len(squares) + values.index(96)


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def recursion(n):
    """Function calls: naive recursive Fibonacci (shallow, so any stack copes)."""
    return fib(n)


def sorting(n):
    """Sort pseudo-random integers (a fixed LCG, so every run sorts the same list)."""
    seed = 12345
    values = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        values.append(seed % 100000)
    ordered = sorted(values)
    by_last_digit = sorted(values, key=lambda v: (v % 10, v))
    return ordered[n // 2] + by_last_digit[n // 3] + ordered[-1]


# (name, function, argument): each takes a few hundred ms on MicroPython
# (dict ops grows faster than linearly there, so keep it modest).
BENCHMARKS = [
    ("int loop", int_loop, scaled(250000)),
    ("string building", string_building, scaled(60000)),
    ("dict ops", dict_ops, scaled(12000)),
    ("list ops", list_ops, scaled(200000)),
    ("recursion", recursion, 25 if SCALE >= 1 else 15),
    ("sorting", sorting, scaled(15000)),
]


def run_suite():
    results = []
    for name, function, argument in BENCHMARKS:
        start = now_ms()
        checksum = function(argument)
        results.append({"name": name, "ms": elapsed_ms(start), "checksum": checksum})
    return json.dumps(results)


RESULT = run_suite()

try:
    import js

    js.benchSuiteResult = RESULT
except ImportError:  # not in a browser (e.g. a command-line check)
    print(RESULT)
