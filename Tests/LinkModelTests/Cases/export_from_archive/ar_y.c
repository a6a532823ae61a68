void ymissing(void);
void yfoo(void) { ymissing(); }
