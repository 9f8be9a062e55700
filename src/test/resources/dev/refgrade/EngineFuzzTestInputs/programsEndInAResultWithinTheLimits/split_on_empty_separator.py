x = 'abc'.split('')
