__attribute__((weak)) void foo(void);
void use_weak(void) { foo(); }
