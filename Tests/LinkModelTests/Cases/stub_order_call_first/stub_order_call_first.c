void foo(void);
void (*volatile sink)(void);
void _start(void) { foo(); sink = foo; }
