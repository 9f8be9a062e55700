print(str.count(1))
print(list.append([], 1))
