# super() objects show the class the lookup starts after and the type of what it binds to.
class Base:
    def describe(self):
        return 'base'


class Child(Base):
    def describe(self):
        print(super())
        print(super(Child, Child), super(Child))
        return 'child of ' + super().describe()


print(Child().describe())
