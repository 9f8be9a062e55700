import sys
from collections import ChainMap, defaultdict

defaults = {"color": "red", "user": "guest"}
args = {"user": "ann"}
cm = ChainMap(args, defaults)
print(cm, type(cm), len(cm), cm["user"], cm["color"], cm.get("nope"), cm.get("nope", 0))
print("color" in cm, "nope" in cm, bool(cm), bool(ChainMap()), bool(ChainMap({})), list(cm))
print(ChainMap(), ChainMap({}, {}), cm.maps[0] is args, cm.maps[1] is defaults)
try:
    cm["nope"]
except KeyError as e:
    print("KeyError", e)

# Writes and deletes go to the first mapping only.
cm["color"] = "blue"
print(args, defaults, cm["color"])
del cm["color"]
print(args, cm["color"])
try:
    del cm["user2"]
except KeyError as e:
    print("KeyError", e)
print(cm.pop("user"), cm.pop("user", "gone"), args)
try:
    cm.pop("user")
except KeyError as e:
    print("KeyError", e)

# new_child puts a new mapping in front; parents drops the first.
child = cm.new_child()
child["x"] = 1
print(child, child.maps[1] is args, child.parents, child.parents.maps[0] is args)
print(cm.new_child({"k": 1}, j=2), cm.new_child(z=3))
c2 = cm.copy()
c2["new"] = 1
print(c2, cm, c2.maps[1] is defaults)
dd = defaultdict(int)
print(ChainMap(dd)["missing"], dict(dd))
cm |= {"merged": True}
print(cm, cm | {"or": 1}, type(cm | {"or": 1}).__name__)
cm.clear()
print(cm, len(cm))
r = ChainMap({})
r.maps.append(r)
print(r)
