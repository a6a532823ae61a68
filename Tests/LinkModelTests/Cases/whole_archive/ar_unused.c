void unused_missing(void);
void unused(void) { unused_missing(); }
