void lazy_ctor_missing(void);
__attribute__((constructor)) static void init_lazy(void) { lazy_ctor_missing(); }
void lazy_fn(void) {}
