void lazy_fn(void);
void _start(void) { lazy_fn(); }
