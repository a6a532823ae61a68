void foo(void);
void (*const table[])(void) = { foo };
void (*volatile const *volatile sink)(void);
void _start(void) { sink = (void (*volatile const *)(void))table; }
