print('a'.find())
