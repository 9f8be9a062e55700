package dev.refgrade.python;

/** Binary operators, with the symbol Python prints in error messages. */
public enum BinOperator {
    ADD("+", "add"), SUB("-", "sub"), MUL("*", "mul"), MATMUL("@", "matmul"), DIV("/", "truediv"), FLOORDIV("//", "floordiv"),
    MOD("%", "mod"), POW("**", "pow"), LSHIFT("<<", "lshift"), RSHIFT(">>", "rshift"), BITOR("|", "or"), BITXOR("^", "xor"),
    BITAND("&", "and");

    public final String symbol;
    /** The stem of its special methods: __truediv__, __rtruediv__ and __itruediv__ for /. */
    public final String method;

    BinOperator(String symbol, String method) {
        this.symbol = symbol;
        this.method = method;
    }
}
