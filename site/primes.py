"""Count primes the slow way, on purpose: a few seconds of pure CPU work."""


def count_primes(limit, report_every=0):
    count = 0
    for n in range(2, limit):
        divisor = 2
        while divisor * divisor <= n and n % divisor:
            divisor += 1
        if divisor * divisor > n:
            count += 1
        if report_every and n % report_every == 0:
            print(n, "checked,", count, "primes so far")
    return count
