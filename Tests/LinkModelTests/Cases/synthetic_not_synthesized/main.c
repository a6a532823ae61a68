int use_tls_symbols(void);
int _start(void) { return use_tls_symbols(); }
