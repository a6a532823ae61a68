void xmissing(int);
void xfoo(void) { xmissing(1); }
