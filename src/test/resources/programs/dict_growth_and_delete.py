d = {}
for i in range(100):
    d[str(i)] = i
for i in range(0, 100, 2):
    del d[str(i)]
print(len(d), d["1"], d["99"], "0" in d, "98" in d)
keys = list(d)
print(keys[:5], keys[-1])
d.clear()
print(d, len(d))
