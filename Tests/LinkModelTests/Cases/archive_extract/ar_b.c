void zz_never(void);
void cfoo_unused(void) { zz_never(); }
