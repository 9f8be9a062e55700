# The last line of an uncaught NameError suggests the closest name: 3.11 looks through the
# function's variables, then the globals, then the builtins; 3.12 first tries self's attributes;
# 3.13 and 3.14 weigh all of them together.
class Account:
    def __init__(self):
        self.value = 10

    def total(self):
        return value


print('a method refers to an attribute without self:')
Account().total()
