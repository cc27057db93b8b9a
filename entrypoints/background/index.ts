export default defineBackground(() => {
  console.info('HLED Lens background started');
});
