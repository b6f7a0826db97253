"""The walk engine on libcst: statements in order with the facts of each point (`walker`),
the value of an expression (`evaluator`), what code does to the facts (`effects`), the lattice
(`facts`) and the one object rules see (`context`)."""
