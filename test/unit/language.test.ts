/**
 * Language detection: releases in languages beyond the interface's locales are
 * still named, a sample read by its opening alone gives what the whole sample
 * gives, and the front matter's language is taken without detection.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VFile } from 'vfile';
import { detectLanguage } from '../../pipeline/extract/language.js';
import { extract } from '../../pipeline/extract/index.js';
import { parse } from '../../pipeline/parse.js';

const POLISH =
  'Ministerstwo Klimatu i Środowiska ogłosiło dziś nowy program wsparcia dla gmin, które chcą wymienić przestarzałe systemy ogrzewania w budynkach publicznych. ' +
  'W pierwszym etapie do samorządów trafi ponad dwieście milionów złotych, a wnioski można składać do końca czerwca. ' +
  'Program obejmuje szkoły, przedszkola, biblioteki oraz ośrodki zdrowia w mniejszych miejscowościach.';
const SWEDISH =
  'Regeringen har i dag beslutat att ge Trafikverket i uppdrag att ta fram en nationell plan för laddinfrastruktur längs de större vägarna i hela landet. ' +
  'Planen ska vara klar före årsskiftet och omfatta både personbilar och tunga fordon. ' +
  'Enligt infrastrukturministern är det avgörande att laddstationer byggs ut i samma takt som antalet elbilar ökar, särskilt i glesbygden.';
// Its opening reads as Malay by a narrow lead: the whole sample decides.
const INDONESIAN =
  'Kementerian Pendidikan dan Kebudayaan hari ini meluncurkan program beasiswa baru bagi mahasiswa dari keluarga kurang mampu di seluruh Indonesia. ' +
  'Program ini akan memberikan bantuan biaya kuliah dan biaya hidup kepada lebih dari dua puluh ribu mahasiswa setiap tahun. ' +
  'Menteri menyampaikan dalam konferensi pers di Jakarta bahwa pendidikan tinggi harus dapat dijangkau oleh semua anak bangsa, tanpa memandang latar belakang ekonomi mereka. ' +
  'Pendaftaran dibuka mulai bulan depan melalui portal resmi kementerian dan akan ditutup pada akhir tahun. ' +
  'Calon penerima akan diseleksi berdasarkan prestasi akademik, kondisi ekonomi keluarga, serta keterlibatan dalam kegiatan sosial di lingkungan tempat tinggal. ' +
  'Kementerian juga bekerja sama dengan perguruan tinggi negeri dan swasta untuk menyediakan pendampingan bagi para penerima beasiswa selama masa studi. ' +
  'Informasi lengkap mengenai persyaratan dan jadwal seleksi dapat dilihat di laman resmi kementerian.';
const GREEK =
  'Το Υπουργείο Παιδείας ανακοίνωσε σήμερα ένα νέο πρόγραμμα στήριξης για τα σχολεία των νησιών και των ορεινών περιοχών της χώρας. ' +
  'Το πρόγραμμα θα χρηματοδοτήσει την ανακαίνιση των κτιρίων, την αγορά σύγχρονου εξοπλισμού και την επιμόρφωση των εκπαιδευτικών. ' +
  'Η υπουργός δήλωσε ότι κάθε παιδί πρέπει να έχει τις ίδιες ευκαιρίες μάθησης, όπου κι αν ζει. ' +
  'Οι αιτήσεις των δήμων θα υποβάλλονται ηλεκτρονικά έως το τέλος του επόμενου μήνα.';

test('a release in a language without an interface locale is still named', () => {
  assert.equal(detectLanguage(POLISH), 'pl');
  assert.equal(detectLanguage(SWEDISH), 'sv');
});

test('an opening that does not decide clearly leaves the decision to the whole sample', () => {
  assert.ok(INDONESIAN.length > 300);
  assert.equal(detectLanguage(INDONESIAN), 'id');
});

test('a Latin opening does not decide for a sample written mostly in another script', () => {
  const opening = 'The Ministry of Education announced a new support programme for schools on the islands and in the mountains. '.repeat(3);
  assert.ok(opening.length > 300);
  assert.equal(detectLanguage(`${opening}${GREEK}${GREEK}`), 'el');
});

test('the language the front matter states is the record’s, whatever the body is written in', () => {
  const file = new VFile({ path: 'x.md', value: `---\nlanguage: pl\n---\nTitle\n\n${SWEDISH}\n` });
  const release = extract(parse(file), file);
  assert.equal(release.language, 'pl');
  assert.equal(release.sources.language?.origin, 'front-matter');
});
