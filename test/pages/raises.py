x = 1
y = 2
raise RuntimeError("from a file")
