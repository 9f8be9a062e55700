print(ord(2.5))
