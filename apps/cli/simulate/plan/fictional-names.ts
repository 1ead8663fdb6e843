/** Invented people only: given names paired at random with made-up family names. */
export const GIVEN_NAMES = {
  female: ['Alva', 'Elin', 'Saga', 'Maja', 'Nora', 'Ida', 'Linnea', 'Amira', 'Hanna', 'Sofia', 'Yasmin', 'Karin', 'Greta', 'Leyla', 'Tilde'],
  male: ['Elias', 'Oskar', 'Hugo', 'Liam', 'Adam', 'Omar', 'Viktor', 'Nils', 'Axel', 'Jonas', 'Samir', 'Erik', 'Malte', 'Yusuf', 'Arvid'],
  neutral: ['Robin', 'Kim', 'Alex', 'Charlie', 'Sam', 'Love', 'Noa', 'Eli'],
};

export const FAMILY_NAMES = [
  'Ekbacka', 'Lindqvarn', 'Berglöv', 'Sjöholt', 'Granvik', 'Almbäck', 'Norrstrand', 'Fjällgren', 'Hagbom', 'Ståhlqvist',
  'Vikbro', 'Östlind', 'Mossberga', 'Tallgren', 'Bäckvall', 'Rönnmark', 'Aspdal', 'Kvarnström', 'Lövkvist', 'Sandlöf',
];
