void foo(void);
void (*volatile sink)(void);
void _start(void) { sink = foo; }
