def greet(name):
    return f"Hello, {name}! (from greeting.py)"
