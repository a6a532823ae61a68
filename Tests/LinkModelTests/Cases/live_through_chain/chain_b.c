void missing(void);
void other(void);
void b(void) { missing(); }
void c(void) { other(); }
