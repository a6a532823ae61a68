void foo(void);
void use_weak(void);
void _start(void) { use_weak(); foo(); }
