# A format specifier the value's type rejects: 3.11 marks the whole f-string, 3.12+ the field.
width = 5
print(f"{'left':<{width}}|")
n = 5
print(f"value: {n:abc}")
