import sys
print("Hello from", sys.implementation.name)
