/** opencc-js's dictionaries: "from to|from to …" strings. */
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
