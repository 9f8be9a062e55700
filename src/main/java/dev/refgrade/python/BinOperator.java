package dev.refgrade.python;

/** Binary operators, with the symbol Python prints in error messages. */
public enum BinOperator {
    ADD("+"), SUB("-"), MUL("*"), MATMUL("@"), DIV("/"), FLOORDIV("//"), MOD("%"), POW("**"),
    LSHIFT("<<"), RSHIFT(">>"), BITOR("|"), BITXOR("^"), BITAND("&");

    public final String symbol;

    BinOperator(String symbol) {
        this.symbol = symbol;
    }
}
